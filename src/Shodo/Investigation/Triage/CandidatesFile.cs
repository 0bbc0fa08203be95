using System.Text.Json;
using Shodo.Cases;

namespace Shodo.Investigation.Triage;

/// <summary>
/// candidates.json (<c>shodo-candidates/1</c>, the record <see cref="CandidatesDocument"/>): the window, the ranked
/// candidates with their signs and the command that confirms each, what could not be read, and what triage cannot tell.
/// </summary>
public static class CandidatesFile
{
    public const string Name = "candidates.json";
    public const string Format = "shodo-candidates/1";

    public static Task WriteAsync(Case @case, TriageResult result, DateTimeOffset baselineSince, CancellationToken ct) =>
        @case.Documents.WriteJsonAsync(Name,
            JsonSerializer.SerializeToNode(CandidatesDocument.Of(@case.Manifest.Id, result, baselineSince), CandidatesDocument.Json)!.AsObject(),
            TriageJournalKinds.Producer, ct);

    /// <summary>
    /// The candidates of the case's candidates.json, in triage's order, as written; null when triage has not
    /// written it (or wrote another shape). A file that is not JSON throws <see cref="JsonException"/>.
    /// </summary>
    public static IReadOnlyList<CandidateEntry>? ReadCandidates(CaseFolder folder) =>
        folder.Read(Name) is { } bytes ? JsonSerializer.Deserialize<CandidatesDocument>(bytes, CandidatesDocument.Json)?.Candidates : null;
}
