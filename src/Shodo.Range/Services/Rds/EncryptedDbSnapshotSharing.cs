using Shodo.Range.Serving;

namespace Shodo.Range.Services.Rds;

/// <summary>
/// What RDS refuses when an encrypted DB snapshot or DB cluster snapshot is shared (ModifyDBSnapshotAttribute,
/// ModifyDBClusterSnapshotAttribute adding to <c>restore</c>): making it public (botocore rds 2014-10-31: "If the manual DB
/// snapshot is encrypted, it can be shared, but only by specifying a list of authorized Amazon Web Services account IDs ...
/// You can't use all"), and sharing it at all when the default AWS managed key (<c>aws/rds</c>) encrypts it ("You can't share
/// a snapshot that has been encrypted using the default KMS key of the AWS account that shared the snapshot": the RDS user
/// guide, Sharing encrypted snapshots) — nobody outside the account can ever use that key. Both are RDS's common client error
/// InvalidParameterValue (the model declares no fault of its own for them). Removing values is always allowed.
/// </summary>
internal static class EncryptedDbSnapshotSharing
{
    public static void Check(AwsCall call, string identifier, bool encrypted, string? kmsKeyId, IReadOnlyList<string> add)
    {
        if (!encrypted || add.Count == 0) return;
        if (add.Contains("all"))
            throw AwsError.InvalidParameterValue($"The snapshot {identifier} is encrypted and can't be shared as public. Specify the account IDs to share it with.");
        if (add.Any(a => a != call.AccountId) && call.State.EncryptedWithAwsManagedKey(call.Region, encrypted, kmsKeyId))
            throw AwsError.InvalidParameterValue(
                $"The snapshot {identifier} is encrypted with the default KMS key of the account and can't be shared. Copy it with a customer managed key and share the copy.");
    }
}
