namespace Shodo.Trail.Archives;

/// <summary>Where trail log files are kept: a local directory or an S3 prefix.</summary>
public interface ITrailLogStore
{
    /// <summary>How the archive is named to the responder (a path, or <c>s3://bucket/prefix</c>).</summary>
    string Location { get; }

    /// <summary>Every file under the archive (logs and digests), in key order where the store allows.</summary>
    IAsyncEnumerable<TrailLogFile> ListAsync(CancellationToken ct);

    /// <summary>The file's bytes as stored (still compressed), read as they arrive.</summary>
    Task<Stream> OpenAsync(TrailLogFile file, CancellationToken ct);

    /// <summary>
    /// The hex signature CloudTrail stored with a digest file (S3 metadata <c>x-amz-meta-signature</c>),
    /// with the file's bytes; a local copy has no metadata, so its signature is null.
    /// </summary>
    Task<(byte[] Bytes, string? Signature)> ReadDigestAsync(TrailLogFile file, CancellationToken ct);

    /// <summary>
    /// Where CloudTrail keeps the digest files of the log files listed here, when this store does not list them
    /// itself: for <c>…/CloudTrail/REGION/YYYY/MM/DD/</c>, the same day under <c>…/CloudTrail-Digest/</c>. Null when
    /// the digests (if any) are within this store.
    /// </summary>
    ITrailLogStore? DigestsBeside();

    /// <summary>
    /// Whether a log file CloudTrail delivered to <c>s3://bucket/key</c> would be listed here: an S3 store holds
    /// its prefix of its bucket; a local copy is taken to hold the whole archive.
    /// </summary>
    bool Covers(string bucket, string key);

    /// <summary>
    /// Asked again after the listing, for a log file a digest names that the listing did not hold: true when the
    /// store says it is gone (S3: HeadObject answers 404), false when it is there after all (delivered after the
    /// listing), null when the store cannot tell.
    /// </summary>
    Task<bool?> IsGoneAsync(string key, CancellationToken ct);

    /// <summary>
    /// How this store names the log file CloudTrail delivered to <paramref name="key"/>: <c>s3://bucket/key</c>, or
    /// the path of the local copy with that file name (the key itself when none is found).
    /// </summary>
    Task<string> NameOfAsync(string key, CancellationToken ct);
}
