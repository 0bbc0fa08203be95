using System.Text.RegularExpressions;
using Shodo.Sigma.Values;

namespace Shodo.Sigma.Modifiers;

/// <summary><c>re</c>: the value, as written, is a regular expression (searched, case-sensitive).</summary>
public sealed class RegexModifier : SigmaModifier
{
    public override string Name => "re";

    public override SigmaValue Apply(SigmaValue value, ModifierContext context)
    {
        var pattern = value switch
        {
            SigmaString s => s.Original,
            SigmaNumber n => n.Text,
            _ => throw Unsupported(value),
        };
        var regex = new SigmaRegex(pattern);
        try { _ = regex.Regex; }
        catch (ArgumentException e) { throw new SigmaModifierException($"invalid regular expression '{pattern}': {e.Message}"); }
        return regex;
    }
}
