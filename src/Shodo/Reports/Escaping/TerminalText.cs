namespace Shodo.Reports.Escaping;

/// <summary>
/// Text for a terminal: no escape sequence (ESC, CSI, OSC, BEL), no carriage return that rewrites
/// the line, no bidirectional override; one line per value.
/// </summary>
public static class TerminalText
{
    public static string Escape(string? text) => VisibleText.Of(text);
}
