namespace Shodo.Range.Scenarios;

/// <summary>
/// Everything the attacker created or used in a scenario, with the ids generated at play time
/// resolved: what an investigation of the range must find. Served at <c>GET /_range/ground-truth</c>.
/// Contains no secret keys.
/// </summary>
public sealed record GroundTruth
{
    public required string Scenario { get; init; }
    public required string AccountId { get; init; }
    /// <summary>The access key id that leaked.</summary>
    public string? LeakedAccessKeyId { get; init; }
    /// <summary>The IAM user the leaked key belongs to.</summary>
    public string? LeakedUserName { get; init; }
    public required DateTimeOffset AttackStartedAt { get; init; }
    public required IReadOnlyList<string> SourceIps { get; init; }
    public required IReadOnlyList<string> UserAgents { get; init; }
    /// <summary>IAM users the attacker created.</summary>
    public required IReadOnlyList<string> Users { get; init; }
    /// <summary>Long-term access keys the attacker used or created (the leaked one included).</summary>
    public required IReadOnlyList<string> AccessKeyIds { get; init; }
    /// <summary>Temporary (ASIA...) keys the attacker minted.</summary>
    public required IReadOnlyList<string> SessionAccessKeyIds { get; init; }
    /// <summary>Users the attacker gave a console password.</summary>
    public required IReadOnlyList<string> LoginProfiles { get; init; }
    public required IReadOnlyList<GroundTruthKeyPair> KeyPairs { get; init; }
    public required IReadOnlyList<GroundTruthInstance> Instances { get; init; }
    public required IReadOnlyList<GroundTruthSpotRequest> SpotRequests { get; init; }
    public required IReadOnlyList<GroundTruthSharedSnapshot> SharedSnapshots { get; init; }
    /// <summary>EBS snapshots the attacker gave an outside account createVolumePermission (a copy of a disk).</summary>
    public IReadOnlyList<GroundTruthSharedEbsSnapshot> SharedEbsSnapshots { get; init; } = [];
    /// <summary>Aurora DB cluster snapshots the attacker shared with an outside account.</summary>
    public IReadOnlyList<GroundTruthSharedSnapshot> SharedClusterSnapshots { get; init; } = [];
    /// <summary>Buckets the attacker opened (Block Public Access turned off, a policy granting everyone or an outside account).</summary>
    public IReadOnlyList<GroundTruthOpenedBucket> OpenedBuckets { get; init; } = [];
    /// <summary>KMS grants the attacker created for an outside principal (a key that decrypts what it shared).</summary>
    public IReadOnlyList<GroundTruthKmsGrant> KmsGrants { get; init; } = [];
    /// <summary>KMS keys whose policy the attacker opened to outside accounts with PutKeyPolicy (a key that decrypts what it shared).</summary>
    public IReadOnlyList<GroundTruthKmsKeyPolicy> KmsKeyPolicies { get; init; } = [];
    /// <summary>AMIs (a copy of a server's disks) the attacker gave an outside account launchPermission.</summary>
    public IReadOnlyList<GroundTruthSharedImage> SharedImages { get; init; } = [];
    public required IReadOnlyList<string> BucketsListed { get; init; }
    public required IReadOnlyList<GroundTruthObject> ObjectsRead { get; init; }
    public GroundTruthStopLogging? StopLogging { get; init; }
    /// <summary>Every call the attacker made while the scenario played, in time order.</summary>
    public required IReadOnlyList<GroundTruthEvent> Events { get; init; }
    /// <summary>
    /// The other accounts of the organisation the attacker reached (none in a one-account scenario), each with the role it
    /// entered by and what it created or used there; the accounts not listed are untouched (nothing to find there).
    /// </summary>
    public IReadOnlyList<GroundTruthAccount> Accounts { get; init; } = [];
}

/// <summary>An account the attacker reached from the leaked one: how (the role it assumed) and what it did there.</summary>
public sealed record GroundTruthAccount(string AccountId, string ReachedBy, GroundTruth Found);

public sealed record GroundTruthKeyPair(string Region, string KeyName, string? KeyPairId);

/// <summary>An instance the attacker launched; Market is on-demand, spot-one-time or spot-persistent.</summary>
public sealed record GroundTruthInstance(string Region, string InstanceId, string InstanceType, string Market,
    string? SpotInstanceRequestId, string? LaunchedBy);

public sealed record GroundTruthSpotRequest(string Region, string SpotInstanceRequestId, string Type, string? InstanceId);

public sealed record GroundTruthSharedSnapshot(string Region, string DbSnapshotIdentifier, string SharedWithAccount);

public sealed record GroundTruthSharedEbsSnapshot(string Region, string SnapshotId, string SharedWithAccount);

/// <summary>An AMI the attacker let an outside account launch (ModifyImageAttribute launchPermission add).</summary>
public sealed record GroundTruthSharedImage(string Region, string ImageId, string SharedWithAccount);

/// <summary>A bucket the attacker opened, and to whom: <c>all</c> (anyone) and outside account ids. Region: the bucket's.</summary>
public sealed record GroundTruthOpenedBucket(string Bucket, IReadOnlyList<string> OpenTo)
{
    public string? Region { get; init; }
}

/// <summary>A grant on a KMS key (KeyId: the key's id) letting an outside principal use it.</summary>
public sealed record GroundTruthKmsGrant(string Region, string KeyId, string GrantId, string GranteePrincipal);

/// <summary>A KMS key (KeyId: the key's id) whose policy the attacker opened to the outside accounts OpenTo names.</summary>
public sealed record GroundTruthKmsKeyPolicy(string Region, string KeyId, IReadOnlyList<string> OpenTo);

public sealed record GroundTruthObject(string Bucket, string Key);

public sealed record GroundTruthStopLogging(string Trail, bool Succeeded);

/// <summary>One attacker call as CloudTrail records it.</summary>
public sealed record GroundTruthEvent(DateTimeOffset Time, string EventSource, string EventName, string Region,
    string? AccessKeyId, string? UserName, string SourceIp, string UserAgent, string? ErrorCode, string EventId,
    string EventCategory);
