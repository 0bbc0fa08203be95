using System.Text;

namespace Shodo.Reports.Escaping;

/// <summary>
/// Text for HTML element content and quoted attribute values (also inside inline SVG):
/// <c>&amp; &lt; &gt; " '</c> become character references, hidden characters become visible.
/// </summary>
public static class HtmlText
{
    public static string Escape(string? text, bool keepNewlines = false)
    {
        var visible = VisibleText.Of(text, keepNewlines);
        var sb = new StringBuilder(visible.Length + 16);
        foreach (var c in visible)
            sb.Append(c switch
            {
                '&' => "&amp;",
                '<' => "&lt;",
                '>' => "&gt;",
                '"' => "&quot;",
                '\'' => "&#39;",
                _ => c.ToString(),
            });
        return sb.ToString();
    }
}
