namespace Shodo.Aws.S3Control;

/// <summary>
/// The S3 Control operations Shodo sends (botocore <c>s3control</c>; no SDK package is served, see <see cref="S3ControlClient"/>):
/// the account's Block Public Access. Their IAM actions name the account, not the operation.
/// </summary>
public static class S3ControlOperations
{
    private static AwsOperation Op(string name, string action) => AwsOperation.Of("s3control", name, "s3:" + action);

    /// <summary>The account's Block Public Access (collection): what S3 applies to every bucket with the bucket's own.</summary>
    public static AwsOperation GetPublicAccessBlock { get; } = Op("GetPublicAccessBlock", "GetAccountPublicAccessBlock");

    /// <summary>Closing the account's Block Public Access the attacker weakened (allowlisted): all four on, or the journaled settings back by rollback.</summary>
    public static AwsOperation PutPublicAccessBlock { get; } = Op("PutPublicAccessBlock", "PutAccountPublicAccessBlock");
}
