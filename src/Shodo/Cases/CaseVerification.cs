namespace Shodo.Cases;

/// <summary>What <see cref="CaseVerifier.Verify"/> found.</summary>
public sealed record CaseVerification(
    IReadOnlyList<CaseFinding> Findings,
    int JournalEntries,
    int EvidenceRecords,
    int EvidenceBlobs,
    string JournalHead)
{
    public bool Intact => Findings.Count == 0;

    /// <summary>How many documents (findings.json, plan.json, reports, ...) were checked.</summary>
    public int Documents { get; init; }
}
