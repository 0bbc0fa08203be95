using Shodo.Evidence;
using Shodo.Evidence.Snapshot;
using Shodo.Trail;

namespace Shodo.Investigation.Sources;

/// <summary>
/// Something an event source could not read: a region whose LookupEvents failed, a log file that
/// would not parse, a bucket that could not be listed, a log file changed or deleted after CloudTrail
/// delivered it (its digest says so) — or a recorded answer of the account's state that could not be
/// read. Merged into coverage.json; any gap makes the investigation incomplete (exit code 3).
/// </summary>
public sealed record SourceGap(string Source, string? Region, string Kind, string? Code, string Message)
{
    /// <summary>A stored answer the snapshot could not read: what it would have shown is unknown to the investigation.</summary>
    public static SourceGap From(SnapshotGap gap) =>
        new(gap.Source, gap.Region, "Unreadable", $"{gap.Service}:{gap.Operation}", $"evidence {gap.Evidence}: {gap.Reason}");

    /// <summary>
    /// A problem of a trail source: <c>Altered</c> or <c>Missing</c> for a log file its digest proves changed or
    /// deleted, <c>DigestInvalid</c> for a digest that does not verify, <c>Unavailable</c> for a file AWS would not serve
    /// this time (read again on resume), else <c>Unreadable</c>; the code is the problem's kind.
    /// </summary>
    public static SourceGap From(TrailProblem problem) => new(problem.File, null, problem.Kind switch
    {
        TrailProblemKinds.LogFileAltered => "Altered",
        TrailProblemKinds.LogFileMissing => "Missing",
        TrailProblemKinds.DigestInvalid => "DigestInvalid",
        TrailProblemKinds.Unavailable => GapKinds.Unavailable,
        _ => "Unreadable",
    }, problem.Kind, problem.ToString());
}
