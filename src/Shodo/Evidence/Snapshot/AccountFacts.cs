namespace Shodo.Evidence.Snapshot;

/// <summary>An enabled region and whether it is an opt-in region (DescribeRegions' OptInStatus "opted-in").</summary>
public sealed record RegionFact(string Name, bool OptIn);

/// <param name="SpotFleetRequestId">The Spot Fleet that launched the instance (its tag <c>aws:ec2spot:fleet-request-id</c>).</param>
/// <param name="FleetId">The EC2 Fleet that launched the instance (its tag <c>aws:ec2:fleet-id</c>).</param>
public sealed record InstanceFact(string Region, string InstanceId, string InstanceType, string? State, DateTimeOffset? LaunchTime,
    string? SpotInstanceRequestId, string? Lifecycle, string? KeyName, string Evidence, string? SpotFleetRequestId = null, string? FleetId = null);

public sealed record SpotRequestFact(string Region, string SpotInstanceRequestId, string? Type, string? State, string? InstanceId,
    string? InstanceType, string Evidence);

public sealed record KeyPairFact(string Region, string KeyName, string? KeyPairId, string Evidence);

public sealed record SecurityGroupFact(string Region, string GroupId, string? GroupName, string Evidence);

public sealed record UserFact(string UserName, string? Arn, DateTimeOffset? Created, string Evidence);

public sealed record AccessKeyFact(string AccessKeyId, string UserName, string? Status, DateTimeOffset? Created, string Evidence);

public sealed record LoginProfileFact(string UserName, DateTimeOffset? Created, string Evidence);

/// <summary>A user's inline policy with its document (URL-decoded), as GetAccountAuthorizationDetails or GetUserPolicy gave it.</summary>
public sealed record InlinePolicyFact(string UserName, string PolicyName, string Document, string Evidence);

public sealed record PolicyAttachmentFact(string UserName, string PolicyArn, string Evidence);

/// <summary>A trail, its logging status and which buckets its selectors record S3 data events for.</summary>
public sealed record TrailFact(string Name, string? Arn, string? HomeRegion, string? Bucket, string? Prefix, bool MultiRegion,
    bool? IsLogging, DateTimeOffset? StoppedAt, bool AllS3DataEvents, IReadOnlyList<string> DataEventBuckets, bool SelectorsKnown,
    string Evidence)
{
    /// <summary>An organisation trail: its bucket holds every account's log files under <c>AWSLogs/o-ID/ACCOUNT/</c>.</summary>
    public bool OrganizationTrail { get; init; }
}

public sealed record BucketFact(string Name, string? Region, IReadOnlyDictionary<string, string> Tags, string? Evidence);

public sealed record DbSnapshotFact(string Region, string SnapshotId, IReadOnlyList<string> RestoreAccounts, string Evidence)
{
    /// <summary>A DB cluster (Aurora) snapshot rather than a DB instance snapshot.</summary>
    public bool Cluster { get; init; }
    /// <summary>Whether DescribeDBSnapshots showed it encrypted; null when its description was not read.</summary>
    public bool? Encrypted { get; init; }
    /// <summary>The KMS key (ARN) an encrypted snapshot is encrypted with: an outside account it is shared with needs its use.</summary>
    public string? KmsKeyId { get; init; }
}

public sealed record DbInstanceFact(string Region, string DbInstanceId, IReadOnlyDictionary<string, string> Tags, string Evidence);

/// <summary>An Auto Scaling group: what it launches from, its capacity, its member instances and its suspended processes.</summary>
public sealed record AutoScalingGroupFact(string Region, string Name, string? LaunchTemplateName, int DesiredCapacity,
    IReadOnlyList<string> InstanceIds, IReadOnlyList<string> SuspendedProcesses, DateTimeOffset? CreatedTime, string Evidence);

/// <summary>A user's membership of a group, as GetAccountAuthorizationDetails' GroupList gave it.</summary>
public sealed record GroupMembershipFact(string UserName, string GroupName, string Evidence);

/// <summary>A group or a role with its inline policies (name → document, URL-decoded) and the ARNs of the managed policies attached to it.</summary>
/// <param name="Kind"><c>group</c> or <c>role</c>.</param>
public sealed record PolicyHolderFact(string Kind, string Name, string? Arn, IReadOnlyDictionary<string, string> InlinePolicies,
    IReadOnlyList<string> AttachedPolicyArns, string Evidence);

/// <summary>The permissions boundary set on a user or a role (<paramref name="Kind"/> <c>user</c> or <c>role</c>).</summary>
public sealed record PermissionsBoundaryFact(string Kind, string Name, string PolicyArn, string Evidence);

/// <summary>A managed policy (the account's own, or an AWS managed one attached in it) and its default version's document.</summary>
public sealed record ManagedPolicyFact(string Arn, string PolicyName, string? Document, string Evidence);

/// <summary>A bucket's policy as GetBucketPolicy answered it: its document, or null when the bucket has none (NoSuchBucketPolicy).</summary>
/// <param name="Region">The region the answer came from: the bucket's own (S3 answers a policy only there).</param>
public sealed record BucketPolicyFact(string Bucket, string? Document, string Evidence, string? Region = null);

/// <summary>A KMS key of a region: its policy (null when it could not be read) and its grants, as ListGrants showed them.</summary>
public sealed record KmsKeyFact(string Region, string KeyId, string Arn, string? KeyManager, string? KeyState, string? Policy,
    IReadOnlyList<KmsGrantFact> Grants, string Evidence);

/// <summary>A grant on a KMS key: who may use the key (GranteePrincipal, perhaps another account's) for which operations.</summary>
public sealed record KmsGrantFact(string GrantId, string? Name, string GranteePrincipal, string? RetiringPrincipal, string? IssuingAccount,
    IReadOnlyList<string> Operations, DateTimeOffset? CreationDate, string Evidence);

/// <summary>A bucket's ACL as GetBucketAcl answered it: the owner's canonical id and every grant.</summary>
public sealed record BucketAclFact(string Bucket, string? OwnerId, IReadOnlyList<BucketAclGrant> Grants, string Evidence);

/// <summary>One ACL grant: to a group (<paramref name="Uri"/>, e.g. AllUsers) or a canonical user (<paramref name="Id"/>).</summary>
public sealed record BucketAclGrant(string? Id, string? Uri, string Permission)
{
    public const string AllUsers = "http://acs.amazonaws.com/groups/global/AllUsers";
    public const string AuthenticatedUsers = "http://acs.amazonaws.com/groups/global/AuthenticatedUsers";

    /// <summary>A public grant in Block Public Access's sense: to everyone, or to every AWS account.</summary>
    public bool IsPublic => Uri is AllUsers or AuthenticatedUsers;

    /// <summary>Whether it lets the grantee read the bucket (list its objects) or give itself that right (WRITE_ACP).</summary>
    public bool LetsRead => Permission is "READ" or "FULL_CONTROL" or "WRITE_ACP";
}

/// <summary>
/// A bucket's Block Public Access settings as GetPublicAccessBlock answered them; all four false when the bucket has none
/// (NoSuchPublicAccessBlockConfiguration), which S3 treats alike.
/// </summary>
public sealed record BucketPublicAccessBlockFact(string Bucket, bool BlockPublicAcls, bool IgnorePublicAcls, bool BlockPublicPolicy,
    bool RestrictPublicBuckets, string Evidence);

/// <summary>
/// A bucket's default encryption as GetBucketEncryption answered it: <c>AES256</c> (SSE-S3), <c>aws:kms</c> or
/// <c>aws:kms:dsse</c> with its key (<paramref name="KmsKeyId"/>: an ARN, id or alias; null: the AWS managed key aws/s3);
/// <paramref name="Algorithm"/> null when the bucket has none (ServerSideEncryptionConfigurationNotFoundError).
/// </summary>
public sealed record BucketEncryptionFact(string Bucket, string? Algorithm, string? KmsKeyId, string Evidence)
{
    public bool Kms => Algorithm is "aws:kms" or "aws:kms:dsse";
}

/// <summary>An EBS volume as DescribeVolumes showed it: encrypted, with which KMS key (its ARN), and the instance it is attached to.</summary>
public sealed record VolumeFact(string Region, string VolumeId, bool Encrypted, string? KmsKeyId, string? InstanceId, string Evidence);

/// <summary>An EBS snapshot the account owns, as DescribeSnapshots showed it: encrypted, and with which KMS key (its ARN).</summary>
public sealed record EbsSnapshotFact(string Region, string SnapshotId, string? VolumeId, bool Encrypted, string? KmsKeyId, string Evidence)
{
    /// <summary>When the snapshot was started (DescribeSnapshots' startTime): it cannot have been shared before.</summary>
    public DateTimeOffset? StartTime { get; init; }

    /// <summary>
    /// Who may create a volume from it (DescribeSnapshotAttribute createVolumePermission): other accounts' ids, and <c>all</c>
    /// when public; null when the attribute was not read (not asked, or the call failed).
    /// </summary>
    public IReadOnlyList<string>? CreateVolumePermissions { get; init; }
}

/// <summary>
/// An AMI the account owns, as DescribeImages showed it: its name, when it was created (it cannot have been shared before),
/// its state, whether it is public, and the EBS snapshot behind each of its block devices.
/// </summary>
public sealed record ImageFact(string Region, string ImageId, string? Name, DateTimeOffset? CreationDate, string? State, bool Public,
    IReadOnlyList<string> SnapshotIds, string Evidence)
{
    /// <summary>
    /// Who may launch it (DescribeImageAttribute launchPermission): other accounts' ids, and <c>all</c> when public; null when
    /// the attribute was not read (not asked, or the call failed) — then only <see cref="Public"/> is known.
    /// </summary>
    public IReadOnlyList<string>? LaunchPermissions { get; init; }
}
