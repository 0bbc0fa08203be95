using System.Text;
using System.Text.RegularExpressions;

namespace Shodo.Cases.Redaction;

/// <summary>
/// Every rule's secret field names as three text patterns, each an alternation of all names (one pass
/// per pattern, however many rules): an XML element (<c>&lt;SecretAccessKey&gt;v&lt;/SecretAccessKey&gt;</c>,
/// any namespace prefix), a quoted value (<c>"SessionToken": "v"</c>, <c>Password='v'</c>) and a bare
/// setting (<c>aws_secret_access_key = v</c>, <c>Password=v&amp;</c>, <c>X-Amz-Security-Token: v</c>).
/// Names match ignoring case, and <c>_</c>, <c>-</c> or a space may stand between their words.
/// </summary>
internal sealed class SecretFields
{
    private readonly Regex[] _patterns;

    public SecretFields(IEnumerable<string> names)
    {
        var distinct = names.Distinct(StringComparer.OrdinalIgnoreCase).OrderByDescending(n => n.Length).ToList();
        var words = distinct.Select(Words).ToList();
        var any = "(?:" + string.Join("|", words.Select(w => string.Join(@"[_\- ]?", w.Select(Regex.Escape)))) + ")";
        const RegexOptions options = RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.Singleline | RegexOptions.Compiled;
        _patterns =
        [
            new Regex($@"<(?<tag>(?:[A-Za-z_][\w.\-]*:)?{any})(?:\s[^>]*)?>(?<v>.*?)</\k<tag>\s*>", options),
            new Regex($@"(?<![\w\-])(?<q>[""']?){any}\k<q>\s*[:=]\s*(?<o>[""'])(?<v>(?:\\.|(?!\k<o>).)*)\k<o>", options),
            new Regex($@"(?<![\w\-]){any}[""']?[ \t]*[:=][ \t]*(?<v>(?!null\b)[^\s""'<>&,;{{}}\[\]]+)", options),
        ];
        // Every match contains each word of some name; the longest word is the most selective.
        Triggers = words.Select(w => w.OrderByDescending(x => x.Length).First()).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
    }

    /// <summary>Substrings one of which every match contains (for a fast pre-check).</summary>
    public IReadOnlyList<string> Triggers { get; }

    /// <summary>The name lower-cased without <c>_</c>, <c>-</c> and spaces: how JSON property names are compared.</summary>
    public static string Normalize(string name)
    {
        var sb = new StringBuilder(name.Length);
        foreach (var c in name)
            if (c is not ('_' or '-' or ' ')) sb.Append(char.ToLowerInvariant(c));
        return sb.ToString();
    }

    public Redacted<string> RedactText(string text)
    {
        var count = 0;
        foreach (var pattern in _patterns)
            text = pattern.Replace(text, m =>
            {
                var v = m.Groups["v"];
                if (v.Length == 0 || v.Value == Redactor.Marker) return m.Value;
                count++;
                return m.Value[..(v.Index - m.Index)] + Redactor.Marker + m.Value[(v.Index - m.Index + v.Length)..];
            });
        return new(text, count);
    }

    private static string[] Words(string name) =>
        Regex.Split(name, "(?<=[a-z0-9])(?=[A-Z])|(?<=[A-Z])(?=[A-Z][a-z])");
}
