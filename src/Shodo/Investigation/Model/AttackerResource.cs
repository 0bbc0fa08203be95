using System.Text.Json.Nodes;

namespace Shodo.Investigation.Model;

/// <summary>
/// Something the attacker identities created or changed that still exists, joined with the collected
/// state: an instance (with how it would relaunch), a spot request, a key pair, a security group, a
/// user, key or login profile, a policy attachment, a shared snapshot.
/// </summary>
public sealed record AttackerResource
{
    /// <summary>Stable id inside the case: <c>TYPE:REGION:RESOURCEID</c> (region empty for global resources).</summary>
    public required string Id { get; init; }
    public required string Type { get; init; }
    /// <summary>Null for global resources (IAM).</summary>
    public string? Region { get; init; }
    /// <summary>The AWS id: i-..., sir-..., key pair name, sg-..., user name, AKIA..., snapshot id.</summary>
    public required string ResourceId { get; init; }
    public string? Name { get; init; }
    /// <summary>The state when last seen (running, stopped, active, Active, Inactive, shared, ...).</summary>
    public string? State { get; init; }
    /// <summary>The identity id (<see cref="AttackerIdentity.Id"/>) that created it.</summary>
    public string? CreatedBy { get; init; }
    public DateTimeOffset? CreatedAt { get; init; }
    /// <summary>Type-specific facts, e.g. for an instance: instanceType, market (on-demand, spot-one-time,
    /// spot-persistent), spotInstanceRequestId, rootDeviceType, vpcId, volumeIds, disableApiStop,
    /// disableApiTermination, launchTime; for a shared snapshot: sharedWith.</summary>
    public JsonObject Attributes { get; init; } = new();
    public IReadOnlyList<string> EventIds { get; init; } = [];
    /// <summary>SHA-256 of the evidence blobs that show its current state.</summary>
    public IReadOnlyList<string> Evidence { get; init; } = [];
}

/// <summary>The values of <see cref="AttackerResource.Type"/>.</summary>
public static class ResourceTypes
{
    public const string Instance = "ec2:instance";
    public const string SpotRequest = "ec2:spot-instance-request";
    public const string SpotFleet = "ec2:spot-fleet-request";
    public const string Ec2Fleet = "ec2:fleet";
    public const string KeyPair = "ec2:key-pair";
    public const string SecurityGroup = "ec2:security-group";
    public const string AutoScalingGroup = "autoscaling:group";
    public const string User = "iam:user";
    public const string AccessKey = "iam:access-key";
    public const string LoginProfile = "iam:login-profile";
    public const string PolicyAttachment = "iam:policy-attachment";
    public const string SharedDbSnapshot = "rds:shared-snapshot";
    public const string SharedEbsSnapshot = "ec2:shared-snapshot";
    public const string SharedDbClusterSnapshot = "rds:shared-cluster-snapshot";
    public const string SharedImage = "ec2:shared-image";
    /// <summary>A bucket whose policy, ACL or Block Public Access the attacker changed (a door to the data).</summary>
    public const string OpenedBucket = "s3:opened-bucket";
    /// <summary>An AWS RAM resource share the attacker created or associated with an outside account (reported, not closed).</summary>
    public const string SharedResourceShare = "ram:shared-resource-share";
    /// <summary>A KMS grant the attacker created for a principal of another account (id <c>KEY/GRANTID</c>): a key that unlocks a copy shared out.</summary>
    public const string OutsideKmsGrant = "kms:outside-grant";
    /// <summary>A KMS key whose policy the attacker put so that another account may use it (id: the key's id): a key that unlocks a copy shared out.</summary>
    public const string OpenedKeyPolicy = "kms:opened-key-policy";
    /// <summary>The account's Block Public Access (S3 Control) the attacker deleted or put with a setting off (id: the account): every bucket's door (reported).</summary>
    public const string WeakenedAccountPublicAccessBlock = "s3:weakened-account-public-access-block";
}
