namespace Shodo.Evidence;

/// <summary>What a collection gathered: regions, blobs stored, every gap, and where coverage.json is.</summary>
public sealed record CollectionResult(
    IReadOnlyList<string> Regions, int Blobs, IReadOnlyList<CoverageGap> Gaps, string CoveragePath,
    DateTimeOffset StartedAt, DateTimeOffset FinishedAt)
{
    /// <summary>True when the collection was stopped before every lane finished.</summary>
    public bool Cancelled { get; init; }

    /// <summary>
    /// True when it ran to the end and no call failed: the evidence covers everything the collectors asked for. An answer
    /// recorded as stale (a credential report IAM generated earlier and will not regenerate for hours) was answered: it is
    /// named in coverage and the report, but running the collection again cannot change it, so it does not make it incomplete.
    /// </summary>
    public bool Complete => !Cancelled && Gaps.All(g => g.Kind == GapKinds.Stale);
    public TimeSpan Duration => FinishedAt - StartedAt;
}
