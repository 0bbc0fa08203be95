using Shodo.Aws.Protocols;

namespace Shodo.Aws.Kms;

/// <summary>
/// The AWS KMS operations Shodo sends (botocore kms/2014-11-01, JSON 1.1, target prefix TrentService, regional): the keys of
/// a region, each key's policy and its grants — who else may decrypt what the key encrypts (a shared snapshot's copy).
/// </summary>
public static class KmsOperations
{
    public static AwsServiceModel Service { get; } = new("kms", "2014-11-01", Global: false, JsonTargetPrefix: "TrentService");

    private static AwsOperation Op(string name) => AwsOperation.Of("kms", name);

    public static AwsOperation ListKeys { get; } = Op("ListKeys");
    public static AwsOperation DescribeKey { get; } = Op("DescribeKey");
    public static AwsOperation GetKeyPolicy { get; } = Op("GetKeyPolicy");
    public static AwsOperation ListGrants { get; } = Op("ListGrants");
    /// <summary>Destructive: sent only as the approved step revoke-kms-grant (<see cref="Safety.ApprovedDestructiveSteps"/>).</summary>
    public static AwsOperation RevokeGrant { get; } = Op("RevokeGrant");
    /// <summary>Closes (and rollback re-opens) a key policy the attacker opened to another account: the data door kms-key-policy.</summary>
    public static AwsOperation PutKeyPolicy { get; } = Op("PutKeyPolicy");
}
