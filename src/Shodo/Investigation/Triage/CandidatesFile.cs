using System.Text.Json.Nodes;
using Shodo.Cases;

namespace Shodo.Investigation.Triage;

/// <summary>
/// candidates.json (<c>shodo-candidates/1</c>): the window, the ranked candidates with their signs and
/// the command that confirms each, what could not be read, and what triage cannot tell.
/// </summary>
public static class CandidatesFile
{
    public const string Name = "candidates.json";
    public const string Format = "shodo-candidates/1";

    public static Task WriteAsync(Case @case, TriageResult result, DateTimeOffset baselineSince, CancellationToken ct) =>
        @case.Documents.WriteJsonAsync(Name, ToJson(@case.Manifest.Id, result, baselineSince), TriageJournalKinds.Producer, ct);

    /// <summary>
    /// The candidates of the case's candidates.json, in triage's order, as written; null when triage has not
    /// written it (or wrote another shape). A file that is not JSON throws <see cref="System.Text.Json.JsonException"/>.
    /// </summary>
    public static JsonArray? ReadCandidates(CaseFolder folder) =>
        folder.Read(Name) is { } bytes ? JsonNode.Parse(bytes)?["candidates"] as JsonArray : null;

    public static JsonObject ToJson(string caseId, TriageResult result, DateTimeOffset baselineSince) => new()
    {
        ["format"] = Format,
        ["window"] = new JsonObject
        {
            ["since"] = CaseTime.Format(result.Since), ["until"] = CaseTime.Format(result.Until), ["baselineSince"] = CaseTime.Format(baselineSince),
        },
        ["recordsRead"] = result.RecordsRead,
        ["candidates"] = new JsonArray(result.Candidates.Select(c => (JsonNode)Candidate(caseId, c)).ToArray()),
        ["gaps"] = new JsonArray(result.Gaps.Select(g => (JsonNode)new JsonObject
        {
            ["source"] = g.Source, ["region"] = g.Region, ["kind"] = g.Kind, ["code"] = g.Code, ["message"] = g.Message,
        }).ToArray()),
        ["cannotTell"] = new JsonArray(
            "LookupEvents holds management events only: reads of S3 objects and other data events were not examined.",
            "Activity before the baseline was not examined, so a long-running compromise can look like the baseline.",
            "A candidate is a sign, not a finding: nothing was attributed to an attacker or contained."),
    };

    private static JsonObject Candidate(string caseId, Candidate c) => new()
    {
        ["kind"] = c.Id.Kind, ["id"] = c.Id.Id, ["userName"] = c.UserName, ["strength"] = c.Strength, ["likelyOrigin"] = c.LikelyOrigin,
        ["firstSeen"] = c.FirstSeen is { } t ? CaseTime.Format(t) : null,
        ["createdBy"] = new JsonArray(c.CreatedBy.Select(x => (JsonNode)x.ToString()).ToArray()),
        ["confirm"] = c.ConfirmArguments is { } args ? $"shodo respond --resume {caseId} {args}" : null,
        ["signs"] = new JsonArray(c.Signs.Select(s => (JsonNode)new JsonObject
        {
            ["kind"] = s.Kind, ["summary"] = s.Summary,
            ["summaries"] = s.Summaries is { } texts ? new JsonObject(texts.Select(t => KeyValuePair.Create(t.Key, (JsonNode?)t.Value))) : null,
            ["firstSeen"] = s.FirstSeen is { } f ? CaseTime.Format(f) : null,
            ["regions"] = new JsonArray(s.Regions.Select(r => (JsonNode)r).ToArray()),
            ["eventIds"] = new JsonArray(s.EventIds.Select(e => (JsonNode)e).ToArray()),
            ["created"] = new JsonArray(s.Created.Select(x => (JsonNode)x.ToString()).ToArray()),
        }).ToArray()),
    };
}
