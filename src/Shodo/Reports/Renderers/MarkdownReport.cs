using System.Text;
using Shodo.Reports.Document;
using Shodo.Reports.Escaping;

namespace Shodo.Reports.Renderers;

/// <summary>The report as Markdown (GitHub dialect). Every string goes through <see cref="MarkdownText"/>.</summary>
public static class MarkdownReport
{
    public static string Render(ReportDocument doc)
    {
        var sb = new StringBuilder();
        sb.Append("# ").Append(MarkdownText.Escape(doc.Title)).Append("\n\n");
        foreach (var line in doc.Subtitle) sb.Append(MarkdownText.Escape(line)).Append("  \n");
        sb.Append('\n');
        foreach (var section in doc.Sections)
        {
            sb.Append("## ").Append(MarkdownText.Escape(section.Heading)).Append("\n\n");
            foreach (var block in section.Blocks) Block(sb, block);
        }
        return sb.ToString();
    }

    private static void Block(StringBuilder sb, ReportBlock block)
    {
        switch (block)
        {
            case Paragraph p:
                if (p.Label is not null) sb.Append("**").Append(MarkdownText.Escape(p.Label)).Append("**: ");
                sb.Append(MarkdownText.Escape(p.Text)).Append("\n\n");
                break;
            case SubHeading h:
                sb.Append("### ").Append(MarkdownText.Escape(h.Text)).Append("\n\n");
                break;
            case BulletList list:
                foreach (var item in list.Items) sb.Append("- ").Append(MarkdownText.Escape(item)).Append('\n');
                sb.Append('\n');
                break;
            case Table table:
                Row(sb, table.Headers, null);
                sb.Append('|');
                for (var i = 0; i < table.Headers.Count; i++) sb.Append(table.NumericColumns.Contains(i) ? " ---: |" : " --- |");
                sb.Append('\n');
                for (var i = 0; i < table.Rows.Count; i++) Row(sb, table.Rows[i], table.Emphasis.Contains(i));
                sb.Append('\n');
                break;
            case Preformatted pre:
                sb.Append(MarkdownText.CodeBlock(pre.Text)).Append('\n');
                break;
            case TimelineChart:
                break; // the timeline table beside it carries the same events
        }
    }

    private static void Row(StringBuilder sb, IReadOnlyList<string> cells, bool? emphasis)
    {
        sb.Append('|');
        foreach (var cell in cells)
        {
            var text = MarkdownText.Cell(cell);
            sb.Append(' ').Append(emphasis == true && text.Length > 0 ? "**" + text + "**" : text.Length == 0 ? " " : text).Append(" |");
        }
        sb.Append('\n');
    }
}
