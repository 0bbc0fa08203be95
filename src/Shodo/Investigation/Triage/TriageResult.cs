using Shodo.Investigation.Sources;

namespace Shodo.Investigation.Triage;

/// <summary>What triage found: ranked candidates, what could not be read, and the window.</summary>
public sealed record TriageResult(IReadOnlyList<Candidate> Candidates, IReadOnlyList<SourceGap> Gaps, int RecordsRead,
    DateTimeOffset Since, DateTimeOffset Until)
{
    public bool Complete => Gaps.Count == 0;
}
