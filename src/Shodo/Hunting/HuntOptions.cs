using Shodo.Trail.Archives;
using Shodo.Trail.Digests;

namespace Shodo.Hunting;

/// <summary>What a hunt reads and how: the time window, files in flight (which bound its memory), the digests' keys.</summary>
public sealed record HuntOptions
{
    public DateTimeOffset? Since { get; init; }
    public DateTimeOffset? Until { get; init; }
    public int FilesInFlight { get; init; } = Math.Clamp(Environment.ProcessorCount, 2, 8);
    public TrailLogReadOptions Limits { get; init; } = TrailLogReadOptions.Default;
    /// <summary>
    /// Where the CloudTrail public keys that verify the archive's digests come from; without them the log files are
    /// still checked against the digests, whose signatures are then said to be unchecked.
    /// </summary>
    public ITrailDigestKeys DigestKeys { get; init; } = new NoTrailDigestKeys("no AWS connection was given to fetch CloudTrail's public keys");

    public TrailArchiveOptions ToArchiveOptions() =>
        new() { Since = Since, Until = Until, FilesInFlight = FilesInFlight, Limits = Limits };
}
