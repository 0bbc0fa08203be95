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
}
