using Shodo.Reports.Document;

namespace Shodo.Reports.Sections;

/// <summary>The attacker's identities (confirmed before related), what they created, and the detections.</summary>
public static class AttackerSection
{
    public static ReportSection Build(ReportContext r)
    {
        var t = r.Text;
        var f = r.Facts;
        var blocks = new List<ReportBlock> { new SubHeading(t["IdentitiesHeading"]) };
        if (f.Identities.Count == 0) blocks.Add(new Paragraph(t["NoIdentities"]));
        else
        {
            var ids = f.Identities.OrderBy(i => i.Confidence).ThenBy(i => i.FirstSeen).ToList();
            blocks.Add(new Table([t["Identity"], t["Kind"], t["Confidence"], t["CreatedByAttacker"], t["FirstSeen"], t["LastSeen"], t["SourceIp"], t["UserAgent"], t["Why"]],
                ids.Select(i => (IReadOnlyList<string>)
                [
                    i.AccessKeyId ?? i.Arn ?? i.Name, t.Word("IdentityKind", i.Kind.ToString()), t.Word("Confidence", i.Confidence.ToString()),
                    i.CreatedByAttacker ? t["Yes"] : t["No"], r.When(i.FirstSeen), r.When(i.LastSeen),
                    string.Join(", ", i.SourceIps), string.Join(" | ", i.UserAgents), r.Say(i.Reasons, i.Reason),
                ]).ToList()));
        }
        blocks.AddRange(AccountsReachedBlock.Build(r));
        blocks.Add(new SubHeading(t["ResourcesHeading"]));
        if (f.Resources.Count == 0) blocks.Add(new Paragraph(t["NoResources"]));
        else
            blocks.Add(new Table([t["Kind"], t["Region"], t["ResourceId"], t["Name"], t["State"], t["CreatedBy"], t["CreatedAt"]],
                f.Resources.OrderBy(x => x.Type, StringComparer.Ordinal).ThenBy(x => x.Region, StringComparer.Ordinal).ThenBy(x => x.ResourceId, StringComparer.Ordinal)
                    .Select(x => (IReadOnlyList<string>)
                    [
                        x.Type, x.Region ?? t["Global"], x.ResourceId, x.Name ?? "-",
                        r.Current.Instances.FirstOrDefault(i => x.Type == Investigation.Model.ResourceTypes.Instance && i.Instance.ResourceId == x.ResourceId && i.Instance.Region == x.Region) is { } now
                            ? ImpactSection.Now(r, now) : x.State ?? "-", x.CreatedBy ?? "-", r.When(x.CreatedAt),
                    ]).ToList()));
        blocks.Add(new SubHeading(t["FindingsHeading"]));
        if (f.Findings.Count == 0) blocks.Add(new Paragraph(t["NoFindings"]));
        else
            blocks.Add(new Table([t["Severity"], t["Finding"], t["Tactic"], t["Techniques"], t["FirstSeen"], t["Explanation"]],
                f.Findings.OrderByDescending(x => x.Severity).ThenBy(x => x.FirstSeen)
                    .Select(x => (IReadOnlyList<string>)
                    [
                        t.Word("Severity", x.Severity.ToString()), x.Title, x.Tactic ?? "-", string.Join(", ", x.Techniques), r.When(x.FirstSeen), r.Say(x.Summaries, x.Summary),
                    ]).ToList()));
        return new ReportSection("attacker", t["AttackerHeading"], blocks);
    }
}
