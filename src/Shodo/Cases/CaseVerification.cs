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

    /// <summary>
    /// What a write in progress or a crash left, which is not damage: the journal holds everything,
    /// and the next run on the case puts it right (and journals that).
    /// </summary>
    public IReadOnlyList<CaseFinding> Notes { get; init; } = [];

    /// <summary>The journal grew while it was verified: another shodo process is writing the case.</summary>
    public bool BeingWritten { get; init; }

    /// <summary>Problems were found while the case kept changing under every reading: no consistent view could be read.</summary>
    public bool Unsettled { get; init; }

    /// <summary>How far the journal is anchored outside the case folder.</summary>
    public JournalAnchoring Anchoring { get; init; } = JournalAnchoring.None;
}
