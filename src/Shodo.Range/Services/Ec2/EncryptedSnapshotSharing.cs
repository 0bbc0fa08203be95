using Shodo.Range.Serving;
using Shodo.Range.State.Ec2;

namespace Shodo.Range.Services.Ec2;

/// <summary>
/// What EC2 refuses when an encrypted EBS snapshot, or an AMI backed by one, is shared (botocore ec2 2016-11-15,
/// ModifySnapshotAttribute: "Encrypted snapshots and snapshots with Amazon Web Services Marketplace product codes cannot be made
/// public. Snapshots encrypted with your default KMS key cannot be shared with other accounts."): a snapshot made public, or
/// given to another account while the AWS managed key (<c>aws/ebs</c>) encrypts it — OperationNotPermitted "Encrypted snapshots
/// with EBS default key cannot be shared", as EC2 answers; an AMI whose disks such a key encrypts, given to another account —
/// InvalidParameter "Snapshots encrypted with the AWS Managed CMK can't be shared. Specify another snapshot.", as EC2 answers
/// ModifyImageAttribute; an AMI with any encrypted disk made public (launchPermission Group=all), whatever key encrypts it, as the
/// EC2 user guide says ("You can't make an AMI public if it has encrypted snapshots") — InvalidParameter, the code EC2 answers
/// ModifyImageAttribute's other refusals with; the message is the range's words, not EC2's verbatim. Removing permissions is
/// always allowed.
/// </summary>
internal static class EncryptedSnapshotSharing
{
    public const string Public = "all";

    public static void CheckSnapshot(Ec2Context c, Snapshot snapshot, IReadOnlyList<string> add)
    {
        if (!snapshot.Encrypted || add.Count == 0) return;
        if (add.Contains(Public)) throw new AwsError("OperationNotPermitted", "Encrypted snapshots cannot be made public");
        if (add.Any(a => a != c.AccountId) && c.State.EncryptedWithAwsManagedKey(c.Call.Region, snapshot.Encrypted, snapshot.KmsKeyId))
            throw new AwsError("OperationNotPermitted", "Encrypted snapshots with EBS default key cannot be shared");
    }

    public static void CheckImage(Ec2Context c, Image image, IReadOnlyList<string> add)
    {
        if (!add.Any(a => a != c.AccountId)) return;
        var disks = image.BlockDeviceMappings.Select(b => c.Region.Snapshots.FirstOrDefault(s => s.SnapshotId == b.SnapshotId)).OfType<Snapshot>().ToList();
        if (add.Contains(Public) && (disks.Any(s => s.Encrypted) || image.BlockDeviceMappings.Any(b => b.Encrypted)))
            throw new AwsError("InvalidParameter", "Images with encrypted snapshots cannot be made public.");
        if (disks.Any(s => c.State.EncryptedWithAwsManagedKey(c.Call.Region, s.Encrypted, s.KmsKeyId)))
            throw new AwsError("InvalidParameter", "Snapshots encrypted with the AWS Managed CMK can\u2019t be shared. Specify another snapshot.");
    }
}
