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
    private const string Inline = "\\`*_[]<>|~&!";

    /// <summary>A value in a paragraph or list item: inline syntax, and block syntax at its start.</summary>
    public static string Escape(string? text) => Write(text, block: true);

    /// <summary>A value in a table cell (cells hold inline content only; <c>|</c> is escaped).</summary>
    public static string Cell(string? text) => Write(text, block: false);

    private static string Write(string? text, bool block)
    {
        var visible = VisibleText.Of(text?.Replace("\r\n", " ").Replace('\n', ' ').Replace('\r', ' '));
        var sb = new StringBuilder(visible.Length + 16);
        for (var i = 0; i < visible.Length; i++)
        {
            var c = visible[i];
            if (Inline.Contains(c)
                || block && i == 0 && (c == '#' || c is '-' or '+' or '=' && (visible.Length == 1 || visible[1] == ' ' || visible.Trim().All(x => x == c || x == ' ')))
                || block && c is '.' or ')' && i > 0 && i < 10 && AllDigits(visible, i) && (i + 1 == visible.Length || visible[i + 1] == ' ')
                || c == ':' && visible.AsSpan(i + 1).StartsWith("//")
                || c == '.' && i >= 3 && visible.AsSpan(i - 3, 3).Equals("www", StringComparison.OrdinalIgnoreCase))
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
