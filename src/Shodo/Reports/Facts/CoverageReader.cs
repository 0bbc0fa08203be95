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
    public static CoverageFacts Read(JsonObject? coverage, IReadOnlyList<JournalEntry> journal, Impact? impact)
    {
        var holes = new List<CoverageHole>();
        var gaps = coverage?["gaps"] as JsonArray;
        IEnumerable<JsonNode?> gapNodes = gaps is not null
            ? gaps
            : journal.Where(e => e.Kind == CollectJournalKinds.Gap).Select(e => (JsonNode?)e.Data);
        foreach (var g in gapNodes)
            holes.Add(new CoverageHole(JsonFields.Text(g, "kind") ?? "Failed", JsonFields.Text(g, "region"),
                JsonFields.Text(g, "service"), JsonFields.Text(g, "operation"),
                JsonFields.Text(g, "message") ?? JsonFields.Text(g, "code"), null));
        if (coverage?["investigation"]?["gaps"] is JsonArray investigation)
            foreach (var g in investigation)
                holes.Add(new CoverageHole(JsonFields.Text(g, "kind") ?? "Failed", JsonFields.Text(g, "region"), null, null,
                    JsonFields.Text(g, "message") ?? JsonFields.Text(g, "code"), JsonFields.Text(g, "source")));
        var unread = holes.Count(h => h.Kind != "RegionNotEnabled"); // a region not enabled holds nothing running
        if (coverage?["sources"] is JsonArray sources)
            foreach (var s in sources.OfType<JsonObject>().Where(s => JsonFields.Text(s, "limit") is not null))
                holes.Add(new CoverageHole(JsonFields.Text(s, "limit")!, JsonFields.Text(s, "region"), null, null,
                    JsonFields.Text(s, "detail") ?? JsonFields.Text(s, "explanation"), JsonFields.Text(s, "name")));
        foreach (var d in impact?.DataExposure ?? [])
            foreach (var why in d.Unknowable)
                holes.Add(new CoverageHole(why, d.Region, d.Kind, null, d.Explanation, d.Name) { Details = d.Explanations });
        var regions = JsonFields.Texts(coverage, "regions");
        return new CoverageFacts(JsonFields.Boolean(coverage, "complete"), regions, holes) { Unread = unread };
    }
}
