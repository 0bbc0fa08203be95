using System.Runtime.CompilerServices;
using Amazon.S3;
using Amazon.S3.Model;

namespace Shodo.Trail.Archives;

/// <summary>
/// Trail log files under <c>s3://bucket/prefix</c>: ListObjectsV2 pages, GetObject streamed. With <see cref="StartAfter"/>, only
/// the keys after it (S3 lists in key order, and CloudTrail's keys are in date order within a region's folder).
/// </summary>
public sealed class S3TrailLogStore(IAmazonS3 s3, string bucket, string prefix) : ITrailLogStore
{
    public string Location => $"s3://{bucket}/{prefix}";

    /// <summary>ListObjectsV2's StartAfter: the store holds only the keys after it (null: every key under the prefix).</summary>
    public string? StartAfter { get; init; }

    /// <summary><c>s3://bucket/prefix</c> → (bucket, prefix); null when the text is not an S3 URL.</summary>
    public static (string Bucket, string Prefix)? ParseUrl(string location)
    {
        if (!location.StartsWith("s3://", StringComparison.OrdinalIgnoreCase)) return null;
        var rest = location[5..];
        var slash = rest.IndexOf('/');
        var bucket = slash < 0 ? rest : rest[..slash];
        return bucket.Length == 0 ? null : (bucket, slash < 0 ? "" : rest[(slash + 1)..]);
    }

    public async IAsyncEnumerable<TrailLogFile> ListAsync([EnumeratorCancellation] CancellationToken ct)
    {
        string? token = null;
        do
        {
            var page = await s3.ListObjectsV2Async(new ListObjectsV2Request
            {
                BucketName = bucket, Prefix = prefix.Length == 0 ? null : prefix, ContinuationToken = token,
                StartAfter = token is null ? StartAfter : null,
            }, ct);
            foreach (var o in page.S3Objects ?? [])
                yield return new TrailLogFile($"s3://{bucket}/{o.Key}", o.Key, o.Size ?? 0, o.LastModified);
            token = page.IsTruncated == true ? page.NextContinuationToken : null;
        } while (token is not null);
    }

    public async Task<Stream> OpenAsync(TrailLogFile file, CancellationToken ct)
    {
        var response = await s3.GetObjectAsync(new GetObjectRequest { BucketName = bucket, Key = file.Key }, ct);
        return new OwnedStream(response.ResponseStream, response);
    }

    public async Task<(byte[] Bytes, string? Signature)> ReadDigestAsync(TrailLogFile file, CancellationToken ct)
    {
        using var response = await s3.GetObjectAsync(new GetObjectRequest { BucketName = bucket, Key = file.Key }, ct);
        using var copy = new MemoryStream();
        await response.ResponseStream.CopyToAsync(copy, ct);
        var signature = response.Metadata["x-amz-meta-signature"] ?? response.Metadata["signature"];
        return (copy.ToArray(), string.IsNullOrEmpty(signature) ? null : signature);
    }

    public ITrailLogStore? DigestsBeside() =>
        TrailBucketPrefixes.DigestPrefixBeside(prefix) is { } digests
            ? new S3TrailLogStore(s3, bucket, digests) { StartAfter = StartAfter is null ? null : TrailBucketPrefixes.DigestPrefixBeside(StartAfter) }
            : null;

    public bool Covers(string logBucket, string key) =>
        string.Equals(logBucket, bucket, StringComparison.Ordinal) && key.StartsWith(prefix, StringComparison.Ordinal)
        && (StartAfter is null || string.CompareOrdinal(key, StartAfter) > 0);

    public async Task<bool?> IsGoneAsync(string key, CancellationToken ct)
    {
        try
        {
            await s3.GetObjectMetadataAsync(new GetObjectMetadataRequest { BucketName = bucket, Key = key }, ct);
            return false;
        }
        catch (Aws.Errors.AwsServiceError e) when (e.HttpStatus == 404)
        {
            return true;
        }
        catch (Exception e) when (e is not OperationCanceledException || !ct.IsCancellationRequested)
        {
            return null;
        }
    }

    public Task<string> NameOfAsync(string key, CancellationToken ct) => Task.FromResult($"s3://{bucket}/{key}");

    /// <summary>Disposes the GetObject response with its body.</summary>
    private sealed class OwnedStream(Stream inner, IDisposable owner) : Stream
    {
        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }
        public override int Read(byte[] buffer, int offset, int count) => inner.Read(buffer, offset, count);
        public override int Read(Span<byte> buffer) => inner.Read(buffer);
        public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken ct = default) => inner.ReadAsync(buffer, ct);
        public override void Flush() { }
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        protected override void Dispose(bool disposing)
        {
            if (disposing) { inner.Dispose(); owner.Dispose(); }
            base.Dispose(disposing);
        }
    }
}
