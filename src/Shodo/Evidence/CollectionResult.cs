namespace Shodo.Evidence;

/// <summary>What a collection gathered: regions, blobs stored, every gap, and where coverage.json is.</summary>
public sealed record CollectionResult(
    IReadOnlyList<string> Regions, int Blobs, IReadOnlyList<CoverageGap> Gaps, string CoveragePath,
    DateTimeOffset StartedAt, DateTimeOffset FinishedAt)
{
    /// <summary>True when no call failed: the evidence covers everything the collectors asked for.</summary>
    public bool Complete => Gaps.Count == 0;
    public TimeSpan Duration => FinishedAt - StartedAt;
}
