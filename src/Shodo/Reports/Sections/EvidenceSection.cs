using System.Globalization;
using Shodo.Cases;
using Shodo.Reports.Document;

namespace Shodo.Reports.Sections;

/// <summary>
/// The evidence package: every evidence file with its SHA-256, the journal's anchor (entry and hash when the report
/// was written), how to verify against it, and whether the trail log files read were as CloudTrail delivered them
/// (their digests).
/// </summary>
public static class EvidenceSection
{
    public static ReportSection Build(ReportContext r)
    {
        var t = r.Text;
        var f = r.Facts;
        var v = f.Verification;
        var blocks = new List<ReportBlock>
        {
            new Table([t["Fact"], t["Value"]],
            [
                [t["CaseId"], f.Manifest.Id],
                [t["CaseFolder"], f.CaseDirectory],
                [t["JournalEntries"], v.JournalEntries.ToString(CultureInfo.InvariantCulture)],
                [t["JournalHead"], new JournalAnchor(v.JournalEntries, v.JournalHead).ToString()],
                [t["EvidenceFiles"], t.Get("EvidenceCount", v.EvidenceRecords, v.EvidenceBlobs)],
                [t["Integrity"], v.Intact ? t.Get("Intact", r.When(f.GeneratedAt)) : t.Get("NotIntact", v.Findings.Count, v.Findings[0].Problem)],
            ]),
            new Paragraph(t["HowToVerify"]),
            new Preformatted($"shodo case verify {Quote(f.CaseDirectory)} --anchor {new JournalAnchor(v.JournalEntries, v.JournalHead)}\n" +
                             $"sha256sum {Quote(Path.Combine(f.CaseDirectory, CaseFileNames.Journal))}"),
            new Paragraph(t["JournalHeadNote"]),
        };
        blocks.AddRange(TrailIntegrityBlocks.Build(r));
        if (f.Evidence.Count == 0) blocks.Add(new Paragraph(t["NoEvidence"]));
        else
            blocks.Add(new Table([t["Sha256"], t["Service"], t["Operation"], t["Region"], t["Recorded"], t["Size"]],
                f.Evidence.Select(e => (IReadOnlyList<string>)
                [
                    e.Sha256, e.Service, e.Operation + (e.Page is { } p ? $" #{p}" : ""), e.Region ?? t["Global"], r.Clock.Format(e.Time),
                    e.Size.ToString("N0", CultureInfo.InvariantCulture),
                ]).ToList()) { NumericColumns = new HashSet<int> { 5 } });
        return new ReportSection("evidence", t["EvidenceHeading"], blocks);
    }

    private static string Quote(string path) => path.Contains(' ') || path.Contains('\'') ? "'" + path.Replace("'", "'\\''") + "'" : path;
}
