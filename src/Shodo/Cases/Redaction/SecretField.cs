using System.Text;
using System.Text.RegularExpressions;

namespace Shodo.Cases.Redaction;

/// <summary>
/// One secret field name and the text patterns that find its value outside parsed JSON: an XML
/// element (<c>&lt;SecretAccessKey&gt;v&lt;/SecretAccessKey&gt;</c>, any namespace prefix), a quoted
/// value (<c>"SessionToken": "v"</c>, <c>Password='v'</c>) and a bare setting
/// (<c>aws_secret_access_key = v</c>, <c>Password=v&amp;</c>, <c>X-Amz-Security-Token: v</c>).
/// </summary>
internal sealed class SecretField
{
    private readonly Regex _xmlElement;
    private readonly Regex _quoted;
    private readonly Regex _bare;

    public SecretField(string name)
    {
        Name = name;
        Key = Normalize(name);
        var words = string.Join(@"[_\- ]?", Regex.Split(name, "(?<=[a-z0-9])(?=[A-Z])|(?<=[A-Z])(?=[A-Z][a-z])").Select(Regex.Escape));
        const RegexOptions options = RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.Singleline;
        _xmlElement = new Regex($@"<(?<tag>(?:[A-Za-z_][\w.\-]*:)?{words})(?:\s[^>]*)?>(?<v>.*?)</\k<tag>\s*>", options);
        _quoted = new Regex($@"(?<![\w\-])(?<q>[""']?){words}\k<q>\s*[:=]\s*(?<o>[""'])(?<v>(?:\\.|(?!\k<o>).)*)\k<o>", options);
        _bare = new Regex($@"(?<![\w\-]){words}[""']?[ \t]*[:=][ \t]*(?<v>(?!null\b)[^\s""'<>&,;{{}}\[\]]+)", options);
    }

    public string Name { get; }

    /// <summary>The name lower-cased without <c>_</c>, <c>-</c> and spaces: how field names are compared.</summary>
    public string Key { get; }

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
        foreach (var pattern in new[] { _xmlElement, _quoted, _bare })
            text = pattern.Replace(text, m =>
            {
                var v = m.Groups["v"];
                if (v.Length == 0 || v.Value == Redactor.Marker) return m.Value;
                count++;
                return m.Value[..(v.Index - m.Index)] + Redactor.Marker + m.Value[(v.Index - m.Index + v.Length)..];
            });
        return new(text, count);
    }
}
