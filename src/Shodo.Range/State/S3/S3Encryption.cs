namespace Shodo.Range.State.S3;

/// <summary>
/// A bucket's default encryption (ServerSideEncryptionConfiguration): <c>AES256</c> (SSE-S3, what every bucket has had since
/// January 2023), or <c>aws:kms</c> / <c>aws:kms:dsse</c> with a KMS key (its ARN or id; none: the AWS managed key aws/s3).
/// </summary>
public sealed record S3Encryption(string Algorithm = S3Encryption.SseS3, string? KmsMasterKeyId = null, bool BucketKeyEnabled = false)
{
    public const string SseS3 = "AES256";
    public const string SseKms = "aws:kms";
}
