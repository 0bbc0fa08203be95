using Shodo.Reports.Document;
using Shodo.Reports.Facts;
using Shodo.Containment.Record;

namespace Shodo.Reports.Sections;

/// <summary>
/// For Spot instances among the containment targets: EC2 refuses termination protection on them and can reclaim
/// (interrupt) them at any time, so their disks were snapshotted first and the instance itself is not protected.
/// Null when no target was a Spot instance (as its recorded before-state says).
/// </summary>
public static class SpotReclaimNotice
{
    public static Paragraph? For(ContainmentFacts containment, ReportText t)
    {
        var spot = containment.Actions
            .Where(a => (string?)a.Before?["lifecycle"] == "spot")
            .Select(a => (string?)a.Before?["instanceId"])
            .OfType<string>().Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        return spot.Count == 0 ? null : new Paragraph(t.Get("SpotReclaimable", string.Join(", ", spot)), t["SpotReclaimableLabel"]);
    }
}
