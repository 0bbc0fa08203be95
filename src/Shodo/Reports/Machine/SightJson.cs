using System.Text.Json.Nodes;

namespace Shodo.Reports.Machine;

/// <summary>report.json's <c>summary.sight</c>: what the event sources saw, which the summary's statements rest on.</summary>
public static class SightJson
{
    public static JsonObject Build(ReportContext r)
    {
        var sight = r.Facts.Sight;
        return new JsonObject
        {
            ["verdict"] = sight.Verdict,
            ["regions"] = new JsonArray(sight.Regions.Select(x => (JsonNode)new JsonObject
            {
                ["region"] = x.Region, ["status"] = x.Status, ["reason"] = x.Reason,
            }).ToArray()),
            ["unread"] = new JsonArray(sight.Unread.Select(x => (JsonNode)new JsonObject
            {
                ["region"] = x.Region, ["status"] = x.Status, ["reason"] = x.Reason,
            }).ToArray()),
            ["logBucketsRead"] = new JsonArray(sight.LogBucketsRead.Select(b => (JsonNode)b!).ToArray()),
            ["reasons"] = new JsonArray(sight.Reasons.Select(x => (JsonNode)x!).ToArray()),
        };
    }
}
