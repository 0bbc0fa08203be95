using System.Globalization;
using System.Text;
using Shodo.Reports.Document;
using Shodo.Reports.Escaping;

namespace Shodo.Reports.Renderers;

/// <summary>
/// The timeline chart as inline SVG: one lane per identity and region (and one for the response),
/// one dot per event at its time; hovering a dot shows the event (an SVG title, no script).
/// </summary>
public static class SvgTimeline
{
    private const int Width = 1100, LabelWidth = 300, Right = 20, Top = 28, LaneHeight = 20, Bottom = 40, Ticks = 6;
    private const int MaxLabel = 44;

    public static string Render(TimelineChart chart)
    {
        var start = chart.Start;
        var end = chart.End > chart.Start ? chart.End : chart.Start.AddMinutes(1);
        var span = (end - start).TotalSeconds;
        var plot = Width - LabelWidth - Right;
        var height = Top + chart.Lanes.Count * LaneHeight + Bottom;
        string X(DateTimeOffset t) => F(LabelWidth + (t - start).TotalSeconds / span * plot);
        var sb = new StringBuilder();
        sb.Append($"<svg class=\"chart\" xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 {Width} {height}\" width=\"{Width}\" height=\"{height}\" role=\"img\" aria-label=\"{HtmlText.Escape(chart.AxisLabel)}\">");
        sb.Append($"<title>{HtmlText.Escape(chart.AxisLabel)}</title>");
        sb.Append($"<text class=\"axis\" x=\"{LabelWidth}\" y=\"16\">{HtmlText.Escape(chart.AxisLabel)}</text>");
        for (var i = 0; i < chart.Lanes.Count; i++)
        {
            var y = Top + i * LaneHeight;
            if (i % 2 == 0) sb.Append($"<rect class=\"lane\" x=\"{LabelWidth}\" y=\"{y}\" width=\"{plot}\" height=\"{LaneHeight}\"/>");
            var label = chart.Lanes[i].Label;
            var shown = label.Length > MaxLabel ? label[..(MaxLabel - 1)] + "…" : label;
            sb.Append($"<text class=\"lane-label{(chart.Lanes[i].Response ? " resp" : "")}\" x=\"{LabelWidth - 8}\" y=\"{y + 14}\" text-anchor=\"end\">")
              .Append($"<title>{HtmlText.Escape(label)}</title>{HtmlText.Escape(shown)}</text>");
        }
        var axisY = Top + chart.Lanes.Count * LaneHeight;
        for (var i = 0; i <= Ticks; i++)
        {
            var t = start.AddSeconds(span * i / Ticks);
            var x = X(t);
            sb.Append($"<line class=\"grid\" x1=\"{x}\" y1=\"{Top}\" x2=\"{x}\" y2=\"{axisY}\"/>");
            sb.Append($"<text class=\"tick\" x=\"{x}\" y=\"{axisY + 16}\" text-anchor=\"{(i == 0 ? "start" : i == Ticks ? "end" : "middle")}\">{HtmlText.Escape(chart.TimeLabel(t))}</text>");
        }
        foreach (var p in chart.Points)
        {
            var cls = "pt" + (chart.Lanes[p.Lane].Response ? " resp" : "") + (p.Failed ? " fail" : "");
            sb.Append($"<circle class=\"{cls}\" cx=\"{X(p.Time)}\" cy=\"{Top + p.Lane * LaneHeight + LaneHeight / 2}\" r=\"4.5\"><title>{HtmlText.Escape(p.Title)}</title></circle>");
        }
        sb.Append("</svg>");
        return sb.ToString();
    }

    private static string F(double v) => v.ToString("0.#", CultureInfo.InvariantCulture);
}
