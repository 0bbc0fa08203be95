namespace Shodo.Trail.Archives;

/// <summary>How an archive is read: files in flight at once (memory is bounded by this), limits, time window.</summary>
public sealed record TrailArchiveOptions
{
    public int FilesInFlight { get; init; } = Math.Clamp(Environment.ProcessorCount, 2, 8);
    public TrailLogReadOptions Limits { get; init; } = TrailLogReadOptions.Default;
    /// <summary>Only records at or after this time (and files delivered at or after it).</summary>
    public DateTimeOffset? Since { get; init; }
    /// <summary>Only records before this time.</summary>
    public DateTimeOffset? Until { get; init; }
    /// <summary>Records buffered between the readers and a slow consumer of <see cref="TrailArchiveReader.ReadAsync"/>.</summary>
    public int RecordsBuffered { get; init; } = 4096;
    /// <summary>
    /// Where the reader notes each log file listed, the SHA-256 of each read whole (hashed while it is read) and the
    /// digest files listed, for <see cref="Digests.TrailDigestCheck"/>; null hashes nothing.
    /// </summary>
    public TrailFilesSeen? Seen { get; init; }
}
