namespace Shodo.Aws.S3;

/// <summary>
/// Block Public Access's four settings at one level: a bucket's (GetPublicAccessBlock) or the account's (S3 Control). S3 applies
/// "the most restrictive combination of the bucket-level and account-level settings" (<see cref="Effective"/>).
/// </summary>
public sealed record PublicAccessBlockSettings(bool BlockPublicAcls, bool IgnorePublicAcls, bool BlockPublicPolicy, bool RestrictPublicBuckets)
{
    /// <summary>Each setting on when the bucket's or the account's is; a level with none (or not read) adds nothing.</summary>
    public static PublicAccessBlockSettings Effective(PublicAccessBlockSettings? bucket, PublicAccessBlockSettings? account) => new(
        bucket?.BlockPublicAcls == true || account?.BlockPublicAcls == true, bucket?.IgnorePublicAcls == true || account?.IgnorePublicAcls == true,
        bucket?.BlockPublicPolicy == true || account?.BlockPublicPolicy == true,
        bucket?.RestrictPublicBuckets == true || account?.RestrictPublicBuckets == true);
}
