namespace Shodo.Containment;

/// <summary>
/// What an action changes: an IAM user or role, an instance, a spot request or fleet, an Auto Scaling
/// group. <see cref="Region"/> is null for IAM (global).
/// </summary>
public sealed record ContainmentTarget(string Kind, string Id, string? Region)
{
    public string Key => $"{Kind}:{Region ?? "global"}:{Id}";
    public override string ToString() => Key;
}

/// <summary>The values of <see cref="ContainmentTarget.Kind"/>.</summary>
public static class TargetKinds
{
    public const string User = "iam-user";
    public const string Role = "iam-role";
    public const string Instance = "ec2-instance";
    public const string SpotRequest = "ec2-spot-request";
    public const string SpotFleet = "ec2-spot-fleet";
    /// <summary>An EC2 Fleet (CreateFleet); id fleet-….</summary>
    public const string Ec2Fleet = "ec2-fleet";
    public const string AutoScalingGroup = "autoscaling-group";
    /// <summary>A manual RDS DB snapshot whose restore attribute lets other accounts in (a data door).</summary>
    public const string DbSnapshot = "rds-db-snapshot";
    /// <summary>An EBS snapshot whose createVolumePermission lets other accounts (or all) create volumes from it (a data door).</summary>
    public const string EbsSnapshot = "ec2-snapshot";
    /// <summary>A manual Aurora DB cluster snapshot whose restore attribute lets other accounts in (a data door).</summary>
    public const string DbClusterSnapshot = "rds-cluster-snapshot";
    /// <summary>An AMI whose launchPermission lets other accounts (or all) launch it (a data door).</summary>
    public const string Image = "ec2-image";
    /// <summary>An S3 bucket the attacker opened (public, or its policy lets an outside account in): a data door. Id is the bucket name.</summary>
    public const string Bucket = "s3-bucket";
    /// <summary>An access key of the account's root user (no IAM user owns it).</summary>
    public const string RootAccessKey = "iam-root-access-key";
    /// <summary>A member account of the organisation the attacker reached (contained from the management account by an SCP).</summary>
    public const string OrganizationAccount = "organizations-account";
    /// <summary>A KMS grant the attacker created for another account's principal. Id <c>KEY/GRANTID</c> (the key's id, then the grant's).</summary>
    public const string KmsGrant = "kms-grant";
    /// <summary>A KMS key whose policy the attacker opened to another account (a data door). Id: the key's id.</summary>
    public const string KmsKeyPolicy = "kms-key-policy";
    /// <summary>The account's Block Public Access (S3 Control) the attacker deleted or weakened (a data door for every bucket). Id: the account.</summary>
    public const string AccountPublicAccessBlock = "s3-account-public-access-block";

    public static bool IsIdentity(string kind) => kind is User or Role;
}
