using System.Text.Json.Nodes;
using Shodo.Cases;
using Shodo.Evidence;
using Shodo.Investigation.Model;

namespace Shodo.Reports.Facts;

/// <summary>
/// What could not be seen: coverage.json's gaps (else the journal's collect.gap entries), plus, per
/// bucket or database, why access cannot be known (from impact.json).
/// </summary>
internal static class CoverageReader
{
    public static CoverageFacts Read(CoverageDocument? coverage, IReadOnlyList<JournalEntry> journal, Impact? impact)
    {
        var holes = new List<CoverageHole>();
        if (coverage?.Gaps is { } gaps)
            foreach (var g in gaps)
                holes.Add(new CoverageHole(g.Kind, g.Region, g.Service, g.Operation, Detail(g.Message, g.Code), null));
        else
            foreach (var g in journal.Where(e => e.Kind == CollectJournalKinds.Gap).Select(e => (JsonNode?)e.Data))
                holes.Add(new CoverageHole(JsonFields.Text(g, "kind") ?? "Failed", JsonFields.Text(g, "region"),
                    JsonFields.Text(g, "service"), JsonFields.Text(g, "operation"),
                    JsonFields.Text(g, "message") ?? JsonFields.Text(g, "code"), null));
        foreach (var g in coverage?.Investigation?.Gaps ?? [])
            holes.Add(new CoverageHole(g.Kind ?? "Failed", g.Region, null, null, Detail(g.Message, g.Code), g.Source));
        var unread = holes.Count(h => h.Kind != "RegionNotEnabled"); // a region not enabled holds nothing running
        foreach (var d in impact?.DataExposure ?? [])
            foreach (var why in d.Unknowable)
                holes.Add(new CoverageHole(why, d.Region, d.Kind, null, d.Explanation, d.Name) { Details = d.Explanations });
        return new CoverageFacts(coverage?.Complete, coverage?.Regions ?? [], holes) { Unread = unread };
    }

    /// <summary>The message, else the code.</summary>
    private static string? Detail(string? message, string? code) => message ?? code;
}
