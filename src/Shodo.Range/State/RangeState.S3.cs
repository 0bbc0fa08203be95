using System.Security.Cryptography;
using System.Text;
using Shodo.Range.State.S3;

namespace Shodo.Range.State;

/// <summary>S3: the account's buckets (names are global, each bucket has a region).</summary>
public sealed partial class RangeState
{
    public SortedDictionary<string, S3Bucket> Buckets { get; } = new(StringComparer.Ordinal);

    /// <summary>
    /// The account's Block Public Access (S3 Control PutPublicAccessBlock); null when none is set. S3 applies it with each
    /// bucket's own, the most restrictive of the two (<see cref="S3PublicAccessBlock.Effective"/>).
    /// </summary>
    public S3PublicAccessBlock? AccountPublicAccessBlock { get; set; }

    /// <summary>The account's S3 canonical user id (64 hex digits, stable for the account id).</summary>
    public string CanonicalUserId =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes("s3-canonical:" + AccountId)));

    /// <summary>
    /// Creates a bucket as a scenario or test needs it (no CloudTrail event). New buckets block public
    /// access, as AWS's have since April 2023; pass <paramref name="blockPublicAccess"/> false for an old one.
    /// </summary>
    public S3Bucket CreateBucket(string name, string region = "us-east-1", DateTimeOffset? at = null,
        bool blockPublicAccess = true)
    {
        lock (Sync)
        {
            if (Buckets.TryGetValue(name, out var existing)) return existing;
            var bucket = new S3Bucket(name, region, at ?? Clock.Now)
            {
                PublicAccessBlock = blockPublicAccess ? new S3PublicAccessBlock() : null, Partition = Partition,
            };
            Buckets[name] = bucket;
            return bucket;
        }
    }

    /// <summary>Stores an object (no CloudTrail event). The bucket must exist.</summary>
    public S3Object PutObject(string bucket, string key, byte[] body,
        string contentType = "binary/octet-stream", DateTimeOffset? at = null)
    {
        lock (Sync)
        {
            if (!Buckets.TryGetValue(bucket, out var b))
                throw new InvalidOperationException($"No bucket {bucket}");
            var obj = new S3Object(key, body, contentType, at ?? Clock.Now);
            b.Objects[key] = obj;
            return obj;
        }
    }

    public S3Bucket? FindBucket(string name)
    {
        lock (Sync) return Buckets.GetValueOrDefault(name);
    }
}
