using Shodo.Reports.Document;
using Shodo.Trail.Digests;

namespace Shodo.Reports.Sections;

/// <summary>
/// Whether the trail log files the investigation read were as CloudTrail delivered them: per archive, what its
/// digests established ("digests verified: N of M", "no digests", "could not be checked because …") and a
/// sentence per log file altered or missing after delivery (<see cref="TrailDigestSentences"/>). Nothing when
/// no log files were read. File names are attacker-chosen: they are text, which each renderer escapes.
/// </summary>
public static class TrailIntegrityBlocks
{
    public static IEnumerable<ReportBlock> Build(ReportContext r)
    {
        var checks = r.Facts.TrailDigests;
        if (checks.Count == 0) yield break;
        yield return new SubHeading(r.Text["TrailIntegrityHeading"]);
        foreach (var check in checks)
        {
            yield return new Paragraph(TrailDigestSentences.Summary(check, r.Text.Culture));
            var findings = TrailDigestSentences.Findings(check, r.Text.Culture).ToList();
            if (findings.Count > 0) yield return new BulletList(findings);
        }
    }
}
