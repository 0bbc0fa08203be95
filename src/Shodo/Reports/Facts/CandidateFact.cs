using System.Text.Json.Nodes;
using Shodo.Cases;
using Shodo.Investigation.Triage;

namespace Shodo.Reports.Facts;

/// <summary>A candidate triage presented (candidates.json): who, how strong, the signs, and how to confirm it.</summary>
public sealed record CandidateFact(string Kind, string Id, string? UserName, string Strength, bool LikelyOrigin, string? Confirm,
    IReadOnlyList<(string Kind, string Summary, IReadOnlyDictionary<string, string>? Summaries)> Signs)
{
    /// <summary>The candidates of the case, in triage's order; none when triage did not run (or wrote another shape).</summary>
    public static IReadOnlyList<CandidateFact> Read(CaseFolder folder)
    {
        try
        {
            return (CandidatesFile.ReadCandidates(folder) ?? []).OfType<JsonObject>().Select(c => new CandidateFact(
                (string?)c["kind"] ?? "", (string?)c["id"] ?? "", (string?)c["userName"], (string?)c["strength"] ?? "",
                (bool?)c["likelyOrigin"] == true, (string?)c["confirm"],
                (c["signs"] as JsonArray ?? []).OfType<JsonObject>().Select(s => ((string?)s["kind"] ?? "", (string?)s["summary"] ?? "", Texts(s["summaries"]))).ToList())).ToList();
        }
        catch (Exception e) when (e is System.Text.Json.JsonException or InvalidOperationException or FormatException)
        {
            return [];
        }
    }

    private static IReadOnlyDictionary<string, string>? Texts(JsonNode? node) =>
        node is JsonObject texts ? texts.Where(t => t.Value is JsonValue).ToDictionary(t => t.Key, t => (string?)t.Value ?? "", StringComparer.Ordinal) : null;
}
