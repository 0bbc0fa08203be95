using System.Text;

namespace Shodo.Escalation.Channels;

/// <summary>
/// Makes text that may hold attacker-controlled strings (user names, tags) safe for each medium:
/// control characters become spaces, and the medium's markup characters are neutralised.
/// </summary>
internal static class MessageEscaping
{
    public static string Plain(string text)
    {
        var b = new StringBuilder(text.Length);
        foreach (var c in text) b.Append(char.IsControl(c) && c != '\n' ? ' ' : c);
        return b.ToString();
    }

    /// <summary>Slack mrkdwn: &amp;, &lt; and &gt; are the only escapes Slack defines; they also stop &lt;!channel&gt; and links.</summary>
    public static string Slack(string text) =>
        Plain(text).Replace("&", "&amp;", StringComparison.Ordinal).Replace("<", "&lt;", StringComparison.Ordinal).Replace(">", "&gt;", StringComparison.Ordinal);

    /// <summary>Adaptive Card TextBlock markdown: backslash-escape the characters that start emphasis, links or lists.</summary>
    public static string Markdown(string text)
    {
        var b = new StringBuilder(text.Length);
        foreach (var c in Plain(text))
        {
            if (c is '\\' or '*' or '_' or '[' or ']' or '(' or ')' or '`' or '#' or '<' or '>' or '~' or '|') b.Append('\\');
            b.Append(c);
        }
        return b.ToString();
    }

    public static string Cut(string text, int max) => text.Length <= max ? text : text[..(max - 1)] + "…";
}
