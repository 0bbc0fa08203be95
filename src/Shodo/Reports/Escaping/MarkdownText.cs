using System.Text;

namespace Shodo.Reports.Escaping;

/// <summary>
/// Text for Markdown (CommonMark and GitHub's dialect), inline and in table cells: no link, image,
/// autolink, raw HTML, emphasis, code span or table cell break can be formed from the value, and it
/// cannot start a heading, list, quote or rule. Newlines become spaces (a value is one line).
/// </summary>
public static class MarkdownText
{
    /// <summary>ASCII punctuation that forms inline syntax anywhere in a line.</summary>
    private const string Inline = "\\`*_[]<>|~&!{}";

    public static string Escape(string? text)
    {
        var visible = VisibleText.Of(text?.Replace("\r\n", " ").Replace('\n', ' ').Replace('\r', ' '));
        var sb = new StringBuilder(visible.Length + 16);
        for (var i = 0; i < visible.Length; i++)
        {
            var c = visible[i];
            if (Inline.Contains(c)
                || i == 0 && c is '#' or '+' or '-' or '=' or '>'
                || c is '.' or ')' && i > 0 && AllDigits(visible, i)
                || c == ':' && visible.AsSpan(i + 1).StartsWith("//")
                || c == '.' && i >= 3 && visible.AsSpan(i - 3, 3).Equals("www", StringComparison.OrdinalIgnoreCase)
                || c is '(' or ')' or '"' or '\'' && i > 0 && visible[i - 1] == ']')
                sb.Append('\\');
            sb.Append(c);
        }
        return sb.ToString();
    }

    /// <summary>A fenced code block that the content cannot close: the fence is longer than any backtick run in it.</summary>
    public static string CodeBlock(string text)
    {
        var visible = VisibleText.Of(text.Replace("\r\n", "\n"), keepNewlines: true);
        var longest = 0;
        var run = 0;
        foreach (var c in visible)
        {
            run = c == '`' ? run + 1 : 0;
            longest = Math.Max(longest, run);
        }
        var fence = new string('`', Math.Max(3, longest + 1));
        return $"{fence}text\n{visible.TrimEnd('\n')}\n{fence}\n";
    }

    private static bool AllDigits(string s, int end)
    {
        for (var j = 0; j < end; j++)
            if (!char.IsAsciiDigit(s[j])) return false;
        return true;
    }
}
