namespace Shodo.Evidence;

/// <summary>What a collection gathered: regions, blobs stored, every gap, and where coverage.json is.</summary>
public sealed record CollectionResult(
    IReadOnlyList<string> Regions, int Blobs, IReadOnlyList<CoverageGap> Gaps, string CoveragePath,
    DateTimeOffset StartedAt, DateTimeOffset FinishedAt)
{
    /// <summary>True when the collection was stopped before every lane finished.</summary>
    public bool Cancelled { get; init; }

    /// <summary>True when it ran to the end and no call failed: the evidence covers everything the collectors asked for.</summary>
    public bool Complete => !Cancelled && Gaps.Count == 0;
    public TimeSpan Duration => FinishedAt - StartedAt;
}
