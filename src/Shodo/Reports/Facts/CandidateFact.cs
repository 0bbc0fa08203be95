using Shodo.Cases;
using Shodo.Investigation.Triage;

namespace Shodo.Reports.Facts;

/// <summary>A candidate triage presented (candidates.json): who, how strong, the signs, and how to confirm it.</summary>
public sealed record CandidateFact(string Kind, string Id, string? UserName, string Strength, bool LikelyOrigin, string? Confirm,
    IReadOnlyList<(string Kind, string Summary, IReadOnlyDictionary<string, string>? Summaries)> Signs)
{
    /// <summary>
    /// The candidates of the case, in triage's order; none when triage did not run. A file that cannot be read throws
    /// (<see cref="System.Text.Json.JsonException"/>): the report names it as unreadable rather than showing no candidates.
    /// </summary>
    public static IReadOnlyList<CandidateFact> Read(CaseFolder folder) =>
        (CandidatesFile.ReadCandidates(folder) ?? []).Select(c => new CandidateFact(
            c.Kind ?? "", c.Id ?? "", c.UserName, c.Strength ?? "", c.LikelyOrigin, c.Confirm,
            (c.Signs ?? []).Select(s => (s.Kind ?? "", s.Summary ?? "", s.Summaries)).ToList())).ToList();
}
