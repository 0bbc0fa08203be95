namespace Shodo.Aws.S3;

/// <summary>
/// The S3 operations Shodo reads through the SDK client: bucket exposure for collection, and
/// trail log files for investigation. S3's IAM actions differ from its operation names.
/// </summary>
public static class S3Operations
{
    private static AwsOperation Op(string name, string action) => AwsOperation.Of("s3", name, "s3:" + action);

    public static AwsOperation ListBuckets { get; } = Op("ListBuckets", "ListAllMyBuckets");
    public static AwsOperation HeadBucket { get; } = Op("HeadBucket", "ListBucket");
    public static AwsOperation GetBucketLocation { get; } = Op("GetBucketLocation", "GetBucketLocation");
    public static AwsOperation GetBucketPolicy { get; } = Op("GetBucketPolicy", "GetBucketPolicy");
    public static AwsOperation GetBucketPolicyStatus { get; } = Op("GetBucketPolicyStatus", "GetBucketPolicyStatus");
    public static AwsOperation GetBucketAcl { get; } = Op("GetBucketAcl", "GetBucketAcl");
    public static AwsOperation GetPublicAccessBlock { get; } = Op("GetPublicAccessBlock", "GetBucketPublicAccessBlock");
    public static AwsOperation GetBucketLogging { get; } = Op("GetBucketLogging", "GetBucketLogging");
    public static AwsOperation GetBucketVersioning { get; } = Op("GetBucketVersioning", "GetBucketVersioning");
    public static AwsOperation GetBucketEncryption { get; } = Op("GetBucketEncryption", "GetEncryptionConfiguration");
    public static AwsOperation GetBucketTagging { get; } = Op("GetBucketTagging", "GetBucketTagging");
    public static AwsOperation ListObjectsV2 { get; } = Op("ListObjectsV2", "ListBucket");
    public static AwsOperation GetObject { get; } = Op("GetObject", "GetObject");
    /// <summary>HeadObject on the wire (the SDK's name for it): is a trail log file a digest names still there.</summary>
    public static AwsOperation GetObjectMetadata { get; } = Op("GetObjectMetadata", "GetObject");
    /// <summary>Closing a bucket the attacker opened (allowlisted): Block Public Access on, or restored by rollback.</summary>
    public static AwsOperation PutPublicAccessBlock { get; } = Op("PutPublicAccessBlock", "PutBucketPublicAccessBlock");
    /// <summary>Closing a bucket the attacker opened (allowlisted): its policy plus a Deny for outside accounts, or the journaled policy back.</summary>
    public static AwsOperation PutBucketPolicy { get; } = Op("PutBucketPolicy", "PutBucketPolicy");
}
