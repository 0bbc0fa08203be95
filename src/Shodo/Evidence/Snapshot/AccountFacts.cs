namespace Shodo.Evidence.Snapshot;

/// <summary>An enabled region and whether it is an opt-in region (DescribeRegions' OptInStatus "opted-in").</summary>
public sealed record RegionFact(string Name, bool OptIn);

/// <param name="SpotFleetRequestId">The Spot Fleet that launched the instance (its tag <c>aws:ec2spot:fleet-request-id</c>).</param>
public sealed record InstanceFact(string Region, string InstanceId, string InstanceType, string? State, DateTimeOffset? LaunchTime,
    string? SpotInstanceRequestId, string? Lifecycle, string? KeyName, string Evidence, string? SpotFleetRequestId = null);

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
}

public sealed record DbInstanceFact(string Region, string DbInstanceId, IReadOnlyDictionary<string, string> Tags, string Evidence);

/// <summary>An Auto Scaling group: what it launches from, its capacity, its member instances and its suspended processes.</summary>
public sealed record AutoScalingGroupFact(string Region, string Name, string? LaunchTemplateName, int DesiredCapacity,
    IReadOnlyList<string> InstanceIds, IReadOnlyList<string> SuspendedProcesses, DateTimeOffset? CreatedTime, string Evidence);
