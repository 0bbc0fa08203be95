using System.Text.RegularExpressions;
using Shodo.Sigma.Values;

namespace Shodo.Sigma.Modifiers;

/// <summary>
/// <c>windash</c>: a dash or slash that starts a command-line switch (<c>-f</c>, <c>/f</c>) may be
/// written as <c>-</c>, <c>/</c>, en dash, em dash or horizontal bar; every combination is an alternative.
/// </summary>
public sealed partial class WindowsDashModifier : SigmaModifier
{
    private static readonly string[] Dashes = ["-", "/", "\u2013", "\u2014", "\u2015"];

    public override string Name => "windash";

    public override SigmaValue Apply(SigmaValue value, ModifierContext context) => MapStrings(value, s =>
    {
        var variants = new List<List<StringPart>> { new() };
        foreach (var part in s.Parts)
        {
            if (part is not LiteralPart literal)
            {
                foreach (var v in variants) v.Add(part);
                continue;
            }
            var pieces = Switch().Split(literal.Text);
            // pieces: text, dash, text, dash, ... (the dash is captured)
            var next = variants;
            for (var i = 0; i < pieces.Length; i++)
            {
                if (i % 2 == 0)
                    foreach (var v in next) v.Add(new LiteralPart(pieces[i]));
                else
                    next = next.SelectMany(v => Dashes.Select(d => new List<StringPart>(v) { new LiteralPart(d) })).ToList();
            }
            variants = next;
        }
        return variants.Count == 1
            ? s
            : new SigmaExpansion(variants.Select(v => (SigmaValue)new SigmaString(v, s.Cased)).ToList());
    });

    [GeneratedRegex(@"\B([-/])\b")]
    private static partial Regex Switch();
}
