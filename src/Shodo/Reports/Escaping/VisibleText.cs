using System.Text;

namespace Shodo.Reports.Escaping;

/// <summary>
/// The first step of every escape: characters a hostile AWS string can use to act on the reader's
/// screen instead of being read — control characters (ESC, BEL, CR, ...), C1 controls, bidirectional
/// overrides and isolates, zero-width characters — are shown as <c>\uXXXX</c>.
/// </summary>
public static class VisibleText
{
    public static string Of(string? text, bool keepNewlines = false)
    {
        if (string.IsNullOrEmpty(text)) return "";
        StringBuilder? sb = null;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            var hidden = IsHidden(c) && !(keepNewlines && c == '\n');
            if (hidden)
            {
                sb ??= new StringBuilder(text, 0, i, text.Length + 16);
                sb.Append("\\u").Append(((int)c).ToString("x4"));
            }
            else sb?.Append(c);
        }
        return sb?.ToString() ?? text;
    }

    /// <summary>True for characters that change how text is shown rather than being shown.</summary>
    public static bool IsHidden(char c) =>
        char.IsControl(c)
        || c is >= '\u202A' and <= '\u202E' or >= '\u2066' and <= '\u2069' or '\u200E' or '\u200F' or '\u061C'
        || c is '\u200B' or '\u200C' or '\u200D' or '\u2060' or '\uFEFF';
}
