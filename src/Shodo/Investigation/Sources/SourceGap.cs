using Shodo.Evidence.Snapshot;

namespace Shodo.Investigation.Sources;

/// <summary>
/// Something an event source could not read: a region whose LookupEvents failed, a log file that
/// would not parse, a bucket that could not be listed — or a recorded answer of the account's state
/// that could not be read. Merged into coverage.json; any gap makes the investigation incomplete (exit code 3).
/// </summary>
public sealed record SourceGap(string Source, string? Region, string Kind, string? Code, string Message)
{
    /// <summary>A stored answer the snapshot could not read: what it would have shown is unknown to the investigation.</summary>
    public static SourceGap From(SnapshotGap gap) =>
        new(gap.Source, gap.Region, "Unreadable", $"{gap.Service}:{gap.Operation}", $"evidence {gap.Evidence}: {gap.Reason}");
}
