using Shodo.Sigma.Values;

namespace Shodo.Sigma.Modifiers;

/// <summary>
/// <c>utf16le</c> (alias <c>wide</c>), <c>utf16be</c>, <c>utf16</c> (with a byte-order mark): the
/// value is encoded as UTF-16 before a following <c>base64</c> or <c>base64offset</c>, which they
/// must precede (checked when the rule loads).
/// </summary>
public sealed class Utf16Modifier(string name, TextEncoding encoding) : SigmaModifier
{
    public override string Name => name;

    public override SigmaValue Apply(SigmaValue value, ModifierContext context) =>
        MapStrings(value, s => s.WithEncoding(encoding));
}
