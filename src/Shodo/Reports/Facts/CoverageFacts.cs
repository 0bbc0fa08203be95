namespace Shodo.Reports.Facts;

/// <summary>What Shodo could not see and why: failed calls from collection, and limits of the sources.</summary>
public sealed record CoverageFacts(bool? Complete, IReadOnlyList<string> Regions, IReadOnlyList<CoverageHole> Holes)
{
    public static CoverageFacts None { get; } = new(null, [], []);

    /// <summary>Calls and sources that could not be read (collection's and the investigation's gaps, not the sources' known limits).</summary>
    public int Unread { get; init; }
}

/// <summary>
/// One thing not seen: <see cref="Kind"/> is a collection gap kind (AccessDenied, RegionNotEnabled, ...)
/// or a source limit (data-events-not-logged, logging-stopped, before-sources, ...).
/// </summary>
public sealed record CoverageHole(string Kind, string? Region, string? Service, string? Operation, string? Detail, string? Subject)
{
    /// <summary><see cref="Detail"/> in each report language, when the source kept them.</summary>
    public IReadOnlyDictionary<string, string>? Details { get; init; }
}
