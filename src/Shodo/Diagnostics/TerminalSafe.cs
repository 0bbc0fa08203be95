using System.Text;

namespace Shodo.Diagnostics;

/// <summary>Text bound for a terminal (a progress line, a message) that may hold hostile strings from AWS.</summary>
public static class TerminalSafe
{
    /// <summary>
    /// Makes a string safe to print on a terminal: control characters (ESC, BEL, CR...) that a
    /// hostile AWS string could carry are shown as \uXXXX instead of being interpreted.
    /// </summary>
    public static string Plain(string text)
    {
        StringBuilder? sb = null;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            var unsafeChar = char.IsControl(c) && c != '\n' && c != '\t' || c is '\u202E' or '\u202D' or '\u2066' or '\u2067' or '\u2068' or '\u2069';
            if (unsafeChar)
            {
                sb ??= new StringBuilder(text, 0, i, text.Length + 16);
                sb.Append("\\u").Append(((int)c).ToString("x4"));
            }
            else sb?.Append(c);
        }
        return sb?.ToString() ?? text;
    }
}
