using System.Text;
using Shodo.Reports.Document;
using Shodo.Reports.Escaping;

namespace Shodo.Reports.Renderers;

/// <summary>
/// The report as one self-contained HTML file: inline CSS and SVG, no script, no external font or
/// image, a Content-Security-Policy that forbids every request. Opens offline and from an e-mail
/// attachment; prints on A4. Every string goes through <see cref="HtmlText"/>.
/// </summary>
public static class HtmlReport
{
    public static string Render(ReportDocument doc, string generator)
    {
        var sb = new StringBuilder();
        sb.Append("<!DOCTYPE html>\n<html lang=\"").Append(doc.Language).Append("\">\n<head>\n<meta charset=\"utf-8\">\n");
        sb.Append("<meta http-equiv=\"Content-Security-Policy\" content=\"").Append(HtmlText.Escape(HtmlStyle.ContentSecurityPolicy)).Append("\">\n");
        sb.Append("<meta name=\"referrer\" content=\"no-referrer\">\n<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n");
        sb.Append("<meta name=\"generator\" content=\"").Append(HtmlText.Escape(generator)).Append("\">\n");
        sb.Append("<title>").Append(HtmlText.Escape(doc.Title)).Append("</title>\n");
        sb.Append("<style>").Append(HtmlStyle.Css).Append("</style>\n</head>\n<body>\n<header>\n");
        sb.Append("<h1>").Append(HtmlText.Escape(doc.Title)).Append("</h1>\n");
        foreach (var line in doc.Subtitle) sb.Append("<p class=\"subtitle\">").Append(HtmlText.Escape(line)).Append("</p>\n");
        sb.Append("</header>\n<nav><ol>");
        foreach (var s in doc.Sections) sb.Append("<li><a href=\"#").Append(s.Id).Append("\">").Append(HtmlText.Escape(s.Heading)).Append("</a></li>");
        sb.Append("</ol></nav>\n<main>\n");
        foreach (var s in doc.Sections)
        {
            sb.Append("<section id=\"").Append(s.Id).Append("\">\n<h2>").Append(HtmlText.Escape(s.Heading)).Append("</h2>\n");
            foreach (var block in s.Blocks) Block(sb, block);
            sb.Append("</section>\n");
        }
        sb.Append("</main>\n<footer>").Append(HtmlText.Escape(generator)).Append("</footer>\n</body>\n</html>\n");
        return sb.ToString();
    }

    private static void Block(StringBuilder sb, ReportBlock block)
    {
        switch (block)
        {
            case Paragraph p:
                sb.Append("<p>");
                if (p.Label is not null) sb.Append("<span class=\"label\">").Append(HtmlText.Escape(p.Label)).Append("</span>: ");
                sb.Append(HtmlText.Escape(p.Text)).Append("</p>\n");
                break;
            case SubHeading h:
                sb.Append("<h3>").Append(HtmlText.Escape(h.Text)).Append("</h3>\n");
                break;
            case BulletList list:
                sb.Append("<ul class=\"decisions\">");
                foreach (var item in list.Items) sb.Append("<li>").Append(HtmlText.Escape(item)).Append("</li>");
                sb.Append("</ul>\n");
                break;
            case Table table:
                sb.Append("<table>\n<thead><tr>");
                foreach (var h in table.Headers) sb.Append("<th scope=\"col\">").Append(HtmlText.Escape(h)).Append("</th>");
                sb.Append("</tr></thead>\n<tbody>\n");
                for (var i = 0; i < table.Rows.Count; i++)
                {
                    sb.Append(table.Emphasis.Contains(i) ? "<tr class=\"em\">" : "<tr>");
                    var row = table.Rows[i];
                    for (var c = 0; c < row.Count; c++)
                        sb.Append(table.NumericColumns.Contains(c) ? "<td class=\"num\">" : "<td>").Append(HtmlText.Escape(row[c])).Append("</td>");
                    sb.Append("</tr>\n");
                }
                sb.Append("</tbody>\n</table>\n");
                break;
            case Preformatted pre:
                sb.Append("<pre>").Append(HtmlText.Escape(pre.Text, keepNewlines: true)).Append("</pre>\n");
                break;
            case TimelineChart chart:
                sb.Append("<figure>").Append(SvgTimeline.Render(chart)).Append("</figure>\n");
                break;
        }
    }
}
