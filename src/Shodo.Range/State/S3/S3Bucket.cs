namespace Shodo.Range.State.S3;

/// <summary>An S3 bucket of the account: its objects (ordered by key as S3 lists them) and its settings.</summary>
public sealed class S3Bucket(string name, string region, DateTimeOffset createdAt)
{
    public string Name { get; } = name;
    /// <summary>The bucket's region (us-east-1 when created without a LocationConstraint).</summary>
    public string Region { get; } = region;
    public DateTimeOffset CreatedAt { get; } = createdAt;
    /// <summary>The account's partition (<see cref="RangePartitions"/>), which names the bucket's ARN.</summary>
    public string Partition { get; set; } = RangePartitions.Aws;
    public string Arn => $"arn:{Partition}:s3:::{Name}";

    public SortedDictionary<string, S3Object> Objects { get; } = new(StringComparer.Ordinal);

    /// <summary>The bucket policy document, or null (GetBucketPolicy then fails with NoSuchBucketPolicy).</summary>
    public string? Policy { get; set; }

    /// <summary>Null when the bucket has no tag set (GetBucketTagging fails with NoSuchTagSet).</summary>
    public Dictionary<string, string>? Tags { get; set; }

    /// <summary>Null when never configured (NoSuchPublicAccessBlockConfiguration).</summary>
    public S3PublicAccessBlock? PublicAccessBlock { get; set; }

    /// <summary>Null when versioning was never enabled, else "Enabled" or "Suspended".</summary>
    public string? Versioning { get; set; }

    /// <summary>The default encryption GetBucketEncryption answers: SSE-S3 unless configured otherwise.</summary>
    public S3Encryption Encryption { get; set; } = new();

    /// <summary>ACL grants beyond the owner's FULL_CONTROL, e.g. the AllUsers group with READ.</summary>
    public List<S3Grant> Grants { get; } = [];
}
