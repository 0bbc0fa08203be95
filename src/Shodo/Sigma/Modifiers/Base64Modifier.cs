using System.Text;
using Shodo.Sigma.Values;

namespace Shodo.Sigma.Modifiers;

/// <summary><c>base64</c>: the value is matched in its Base64 encoding (UTF-8 bytes).</summary>
public sealed class Base64Modifier : SigmaModifier
{
    public override string Name => "base64";

    public override SigmaValue Apply(SigmaValue value, ModifierContext context) => MapStrings(value, s => s.HasWildcards
        ? throw new SigmaModifierException($"modifier 'base64' cannot encode the wildcards in '{s.Original}'")
        : new SigmaString([new LiteralPart(Convert.ToBase64String(Encoding.UTF8.GetBytes(s.Literal)))], s.Cased));
}
