using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace Shodo.Hunting.Jq;

/// <summary>jq literals from rule text (which may come from anyone's rule file): quoted, never spliced.</summary>
public static class JqText
{
    private static readonly JsonSerializerOptions Relaxed = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>A jq string literal: JSON's escapes, which jq reads the same (a backslash is always doubled, so no <c>\(</c>).</summary>
    public static string Quote(string text) => JsonSerializer.Serialize(text, Relaxed);

    /// <summary>Literal text inside an Oniguruma (jq) regular expression: ASCII punctuation escaped.</summary>
    public static string RegexLiteral(string text)
    {
        var b = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            if (c < 128 && !char.IsAsciiLetterOrDigit(c) && c is not ' ' and not '_') b.Append('\\');
            b.Append(c);
        }
        return b.ToString();
    }
}
