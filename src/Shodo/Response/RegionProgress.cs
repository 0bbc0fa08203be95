namespace Shodo.Response;

/// <summary>Where a region stands in a step: not started, working, finished cleanly, finished with gaps.</summary>
public enum RegionState { Pending, Running, Done, Gap }

/// <summary>
/// One region's (or the global lane's) work in a step: collect counts collectors and stored
/// responses, investigate counts LookupEvents queries and the events read. <see cref="Gaps"/> are
/// calls or pages that could not be read.
/// </summary>
public sealed record RegionProgress(string Region, RegionState State, int Finished, int Total, int Records, int Gaps)
{
    /// <summary>Nothing is in flight for the region right now.</summary>
    public bool IsOver => State is RegionState.Done or RegionState.Gap;

    /// <summary>The step has no more work for this region: reported once, so a log prints one line per region.</summary>
    public bool Settled { get; init; }
}
