using System.Text.RegularExpressions;
using Shodo.Sigma.Values;

namespace Shodo.Sigma.Modifiers;

/// <summary>
/// <c>expand</c>: <c>%name%</c> placeholders in the value are replaced by the values the
/// configuration gives for them (<c>sigma: placeholders: name: [...]</c>); each combination is an
/// alternative. A placeholder without values is an error in the rule's load, not a silent no-match.
/// </summary>
public sealed partial class ExpandModifier : SigmaModifier
{
    public override string Name => "expand";

    public override SigmaValue Apply(SigmaValue value, ModifierContext context) => MapStrings(value, s =>
    {
        var texts = new List<string> { s.Original };
        foreach (Match m in Placeholder().Matches(s.Original))
        {
            var name = m.Groups[1].Value;
            if (!context.Placeholders.TryGetValue(name, out var replacements) || replacements.Count == 0)
                throw new SigmaModifierException($"placeholder '%{name}%' has no values in the configuration (sigma.placeholders.{name})");
            texts = texts.SelectMany(t => replacements.Select(r => t.Replace(m.Value, r, StringComparison.Ordinal))).Distinct().ToList();
        }
        var alternatives = texts.Select(t => (SigmaValue)(s.Cased ? SigmaString.Parse(t).AsCased() : SigmaString.Parse(t))).ToList();
        return alternatives.Count == 1 ? alternatives[0] : new SigmaExpansion(alternatives);
    });

    [GeneratedRegex("%([A-Za-z0-9_.-]+)%")]
    private static partial Regex Placeholder();
}
