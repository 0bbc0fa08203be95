namespace Shodo.Trail.Archives;

/// <summary>
/// One file in a trail archive: <see cref="Name"/> is how problems and records name it
/// (<c>file:PATH</c>'s path, or <c>s3://bucket/key</c>); <see cref="Key"/> is the path relative to the
/// archive root (the S3 key, or the path under the directory with '/').
/// </summary>
public sealed record TrailLogFile(string Name, string Key, long Size, DateTimeOffset? LastModified)
{
    /// <summary>
    /// Set when the store lists an entry it did not read: a symbolic link leading out of the archive
    /// (<see cref="LocalTrailLogOptions.FollowLinksOutside"/>). Says why; the reader names it as not read.
    /// </summary>
    public string? NotFollowed { get; init; }

    /// <summary>CloudTrail writes digests under <c>CloudTrail-Digest/</c>; they are not log files.</summary>
    public bool IsDigest => Key.Contains("/CloudTrail-Digest/", StringComparison.Ordinal) || Key.StartsWith("CloudTrail-Digest/", StringComparison.Ordinal);

    /// <summary>The extensions a trail log file may have here: json and JSON Lines, optionally gzipped.</summary>
    public static bool LooksLikeLog(string key)
    {
        var name = key.EndsWith(".gz", StringComparison.OrdinalIgnoreCase) ? key[..^3] : key;
        return name.EndsWith(".json", StringComparison.OrdinalIgnoreCase)
            || name.EndsWith(".jsonl", StringComparison.OrdinalIgnoreCase)
            || name.EndsWith(".ndjson", StringComparison.OrdinalIgnoreCase);
    }
}
