using Shodo.Reports.Document;
using Shodo.Reports.Facts;

namespace Shodo.Reports.Sections;

/// <summary>The attacker's activity and the response on one axis: a chart by identity and region, then every event.</summary>
public static class TimelineSection
{
    /// <summary>More lanes than this are folded into the last one, so the chart stays readable.</summary>
    public const int MaxLanes = 40;

    public static ReportSection Build(ReportContext r)
    {
        var t = r.Text;
        var blocks = new List<ReportBlock>();
        if (r.Facts.Timeline.Count == 0)
            blocks.Add(new Paragraph(t["TimelineMissing"]));
        if (r.Timeline.Count > 0)
        {
            blocks.Add(Chart(r));
            blocks.Add(new Table([t["Time"], t["Who"], t["Region"], t["What"], t["SourceIp"], t["UserAgent"]],
                r.Timeline.Select(e => (IReadOnlyList<string>)
                [
                    r.Clock.Format(e.Time), e.Actor, e.Region ?? "-", e.Description, e.Event?.SourceIp ?? "-", e.Event?.UserAgent ?? "-",
                ]).ToList())
            {
                Emphasis = r.Timeline.Select((e, i) => (e, i)).Where(x => x.e.Failed).Select(x => x.i).ToHashSet(),
            });
        }
        return new ReportSection("timeline", t["TimelineHeading"], blocks);
    }

    public static TimelineChart Chart(ReportContext r)
    {
        var lanes = new List<ChartLane>();
        var index = new Dictionary<string, int>(StringComparer.Ordinal);
        var points = new List<ChartPoint>();
        foreach (var e in r.Timeline.Where(e => !e.Response))
        {
            var label = $"{e.Region ?? r.Text["Global"]} · {e.Actor}";
            if (!index.TryGetValue(label, out var lane))
            {
                if (lanes.Count < MaxLanes - 1) { lane = lanes.Count; lanes.Add(new ChartLane(label, false)); }
                else
                {
                    label = r.Text["OtherLanes"];
                    if (!index.TryGetValue(label, out lane)) { lane = lanes.Count; lanes.Add(new ChartLane(label, false)); }
                }
                index[label] = lane;
            }
            points.Add(new ChartPoint(lane, e.Time, $"{r.Clock.Format(e.Time)} {e.Actor}: {e.Description}", e.Failed));
        }
        if (r.Timeline.Any(e => e.Response))
        {
            var lane = lanes.Count;
            lanes.Add(new ChartLane(r.Text["Responder"], true));
            points.AddRange(r.Timeline.Where(e => e.Response)
                .Select(e => new ChartPoint(lane, e.Time, $"{r.Clock.Format(e.Time)} {e.Description}", e.Failed)));
        }
        var start = r.Timeline.Min(e => e.Time);
        var end = r.Timeline.Max(e => e.Time);
        return new TimelineChart(lanes, points, start, end, r.Text.Get("ChartAxis", r.Clock.ZoneName), r.Clock.Short);
    }
}
