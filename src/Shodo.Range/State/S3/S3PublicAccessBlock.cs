namespace Shodo.Range.State.S3;

/// <summary>A bucket's Block Public Access settings. New buckets get all four on, as on AWS since April 2023.</summary>
public sealed record S3PublicAccessBlock(
    bool BlockPublicAcls = true, bool IgnorePublicAcls = true,
    bool BlockPublicPolicy = true, bool RestrictPublicBuckets = true)
{
    /// <summary>
    /// What S3 applies to a bucket: each setting on when the bucket's or the account's is ("the most restrictive combination of
    /// the bucket-level and account-level settings"); null when neither is set.
    /// </summary>
    public static S3PublicAccessBlock? Effective(S3PublicAccessBlock? bucket, S3PublicAccessBlock? account) =>
        bucket is null ? account : account is null ? bucket : new S3PublicAccessBlock(
            bucket.BlockPublicAcls || account.BlockPublicAcls, bucket.IgnorePublicAcls || account.IgnorePublicAcls,
            bucket.BlockPublicPolicy || account.BlockPublicPolicy, bucket.RestrictPublicBuckets || account.RestrictPublicBuckets);
}
