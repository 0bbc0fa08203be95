using Shodo.Range.Serving;

namespace Shodo.Range.Services.S3;

/// <summary>
/// GetBucketEncryption (GET /bucket?encryption): the bucket's default encryption rule (botocore's
/// ServerSideEncryptionConfiguration). Every bucket has one since January 2023 (SSE-S3 when none was set), so S3 no longer
/// answers ServerSideEncryptionConfigurationNotFoundError for a bucket of its own.
/// </summary>
internal sealed class GetBucketEncryption() : S3Action("GET", S3Level.Bucket, "encryption")
{
    public override string Name => "GetBucketEncryption";
    public override string IamAction => "s3:GetEncryptionConfiguration";

    public override AwsResponse Handle(AwsCall call, S3Target target)
    {
        var encryption = S3Errors.Bucket(call.State, target.Bucket).Encryption;
        return S3Xml.Document(S3Xml.E("ServerSideEncryptionConfiguration",
            S3Xml.E("Rule",
                S3Xml.E("ApplyServerSideEncryptionByDefault",
                    S3Xml.E("SSEAlgorithm", encryption.Algorithm),
                    encryption.KmsMasterKeyId is { } key ? S3Xml.E("KMSMasterKeyID", key) : null),
                S3Xml.E("BucketKeyEnabled", S3Xml.Bool(encryption.BucketKeyEnabled)))));
    }
}
