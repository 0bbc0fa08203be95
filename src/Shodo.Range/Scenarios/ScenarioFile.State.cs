namespace Shodo.Range.Scenarios;

public sealed class IamSpec
{
    public List<PolicySpec> Policies { get; set; } = [];
    public List<GroupSpec> Groups { get; set; } = [];
    public List<UserSpec> Users { get; set; } = [];
    public List<RoleSpec> Roles { get; set; } = [];
    /// <summary>The root user's access keys; a named one is a credential actors can use (a leaked root key).</summary>
    public List<KeySpec> RootKeys { get; set; } = [];
}

/// <summary>A customer managed policy.</summary>
public sealed class PolicySpec
{
    public string Name { get; set; } = "";
    public string Document { get; set; } = "";
    public string Created { get; set; } = "-365d";
}

public sealed class GroupSpec
{
    public string Name { get; set; } = "";
    public string Created { get; set; } = "-365d";
    public List<string> ManagedPolicies { get; set; } = [];
    public Dictionary<string, string> InlinePolicies { get; set; } = [];
}

public sealed class UserSpec
{
    public string Name { get; set; } = "";
    public string Created { get; set; } = "-365d";
    public List<string> Groups { get; set; } = [];
    public List<string> ManagedPolicies { get; set; } = [];
    public Dictionary<string, string> InlinePolicies { get; set; } = [];
    public Dictionary<string, string> Tags { get; set; } = [];
    public bool LoginProfile { get; set; }
    public List<KeySpec> Keys { get; set; } = [];
}

/// <summary>An access key; <see cref="Name"/> makes it a named credential actors can use.</summary>
public sealed class KeySpec
{
    public string? Name { get; set; }
    public string Created { get; set; } = "-180d";
    public string Status { get; set; } = "Active";
}

public sealed class RoleSpec
{
    public string Name { get; set; } = "";
    public string Created { get; set; } = "-365d";
    public string Trust { get; set; } = "";
    /// <summary>The role's path: <c>/aws-reserved/sso.amazonaws.com/</c> for an Identity Center role, <c>/aws-service-role/...</c> for a service-linked one.</summary>
    public string Path { get; set; } = "/";
    /// <summary>Longest session in seconds (3,600 to 43,200): an Identity Center permission set's session duration, a break-glass role's.</summary>
    public int MaxSessionDuration { get; set; } = 3600;
    public List<string> ManagedPolicies { get; set; } = [];
    public Dictionary<string, string> InlinePolicies { get; set; } = [];
}

public sealed class S3Spec
{
    public List<BucketSpec> Buckets { get; set; } = [];
}

public sealed class BucketSpec
{
    public string Name { get; set; } = "";
    public string Region { get; set; } = "us-east-1";
    public string Created { get; set; } = "-365d";
    public Dictionary<string, string>? Tags { get; set; }
    public List<ObjectSpec> Objects { get; set; } = [];
}

/// <summary>An object: given content, or <see cref="Size"/> bytes of generated text.</summary>
public sealed class ObjectSpec
{
    public string Key { get; set; } = "";
    public string? Content { get; set; }
    public int Size { get; set; }
    public string ContentType { get; set; } = "binary/octet-stream";
    public string Created { get; set; } = "-30d";
}

public sealed class CloudTrailSpec
{
    public List<TrailSpec> Trails { get; set; } = [];
}

public sealed class TrailSpec
{
    public string Name { get; set; } = "";
    public string Bucket { get; set; } = "";
    public string HomeRegion { get; set; } = "us-east-1";
    public bool MultiRegion { get; set; } = true;
    public string LoggingSince { get; set; } = "-365d";
    /// <summary>Buckets whose S3 object-level (data) events the trail logs.</summary>
    public List<string> DataEventBuckets { get; set; } = [];
}

public sealed class RdsSpec
{
    public List<DbInstanceSpec> Instances { get; set; } = [];
    public List<DbSnapshotSpec> Snapshots { get; set; } = [];
    /// <summary>Aurora DB clusters.</summary>
    public List<DbClusterSpec> Clusters { get; set; } = [];
    /// <summary>Manual snapshots of Aurora clusters (<see cref="DbSnapshotSpec.Instance"/> names the cluster).</summary>
    public List<DbSnapshotSpec> ClusterSnapshots { get; set; } = [];
}

/// <summary>An Aurora DB cluster.</summary>
public sealed class DbClusterSpec
{
    public string Id { get; set; } = "";
    public string Region { get; set; } = "us-east-1";
    public string Engine { get; set; } = "aurora-postgresql";
    public string? DbName { get; set; }
    public string Created { get; set; } = "-365d";
    /// <summary>The key its storage is encrypted with: a seeded key's id (<see cref="KmsKeySpec"/>); none: the default aws/rds key.</summary>
    public string? KmsKey { get; set; }
}

public sealed class DbInstanceSpec
{
    public string Id { get; set; } = "";
    public string Region { get; set; } = "us-east-1";
    public string Engine { get; set; } = "postgres";
    public string Class { get; set; } = "db.t3.micro";
    public string? DbName { get; set; }
    public string Created { get; set; } = "-365d";
    /// <summary>The key its storage is encrypted with: a seeded key's id (<see cref="KmsKeySpec"/>) or <c>aws/rds</c>; none: unencrypted.</summary>
    public string? KmsKey { get; set; }
}

public sealed class DbSnapshotSpec
{
    public string Id { get; set; } = "";
    public string Region { get; set; } = "us-east-1";
    public string Instance { get; set; } = "";
    public string Created { get; set; } = "-7d";
}

public sealed class Ec2Spec
{
    /// <summary>Instances that already ran before the timeline (no CloudTrail event).</summary>
    public List<Ec2InstanceSpec> Instances { get; set; } = [];
    /// <summary>Live outbound connections the attacker's instances hold once the timeline has played (a mining pool, a reverse shell).</summary>
    public List<LiveConnectionSpec> Connections { get; set; } = [];
}

/// <summary>
/// A live connection an instance holds through one of its interfaces (0 = the primary one): <c>instance</c> is usually a
/// <c>${save.InstanceId}</c> reference; the range tracks it as EC2's security groups do (see <c>LiveConnection</c>).
/// </summary>
public sealed class LiveConnectionSpec
{
    public string Region { get; set; } = "us-east-1";
    public string Instance { get; set; } = "";
    public int Interface { get; set; }
    public string Remote { get; set; } = "";
    public int Port { get; set; }
}

public sealed class Ec2InstanceSpec
{
    public string Region { get; set; } = "us-east-1";
    public int Count { get; set; } = 1;
    public string Type { get; set; } = "t3.medium";
    public string Image { get; set; } = "ami-0abcdef1234567890";
    public string? KeyName { get; set; }
    public string Launched { get; set; } = "-90d";
    public Dictionary<string, string> Tags { get; set; } = [];
    /// <summary>The id of a seeded KMS key (<see cref="KmsKeySpec"/>) of the region its root volumes are encrypted with, or <c>aws/ebs</c>.</summary>
    public string? KmsKey { get; set; }
}

/// <summary>KMS keys that existed before the timeline (no CloudTrail event).</summary>
public sealed class KmsSpec
{
    public List<KmsKeySpec> Keys { get; set; } = [];
}

/// <summary>A customer managed key with a fixed id (so the timeline and the ground truth can name it) and the default policy.</summary>
public sealed class KmsKeySpec
{
    public string Id { get; set; } = "";
    public string Region { get; set; } = "us-east-1";
    public string Description { get; set; } = "";
    public string Created { get; set; } = "-365d";
}

/// <summary>A grant the attacker created on a key: <c>grant</c> is usually a <c>${save.GrantId}</c> reference.</summary>
public sealed class KmsGrantTruthSpec
{
    public string Region { get; set; } = "us-east-1";
    public string Key { get; set; } = "";
    public string Grant { get; set; } = "";
    public string Grantee { get; set; } = "";
}

/// <summary>A key whose policy the attacker opened to outside accounts (<c>openTo</c>: their ids) with PutKeyPolicy.</summary>
public sealed class KmsKeyPolicyTruthSpec
{
    public string Region { get; set; } = "us-east-1";
    public string Key { get; set; } = "";
    public List<string> OpenTo { get; set; } = [];
}

/// <summary>
/// What the attacker created or used, as written: names, and <c>${save.Field}</c> /
/// <c>${save-*.Field[*]}</c> references to ids generated at play time.
/// </summary>
public sealed class GroundTruthSpec
{
    public List<string> Users { get; set; } = [];
    public List<string> AccessKeys { get; set; } = [];
    public List<string> SessionKeys { get; set; } = [];
    public List<string> LoginProfiles { get; set; } = [];
    public List<KeyPairTruthSpec> KeyPairs { get; set; } = [];
    public List<string> Instances { get; set; } = [];
    public List<string> SpotRequests { get; set; } = [];
    public List<SharedSnapshotSpec> SharedSnapshots { get; set; } = [];
    /// <summary>EBS snapshots shared out (<c>snapshot</c> is usually a <c>${save.SnapshotId}</c> reference).</summary>
    public List<SharedSnapshotSpec> SharedEbsSnapshots { get; set; } = [];
    /// <summary>Aurora DB cluster snapshots shared out.</summary>
    public List<SharedSnapshotSpec> SharedClusterSnapshots { get; set; } = [];
    public List<OpenedBucketSpec> OpenedBuckets { get; set; } = [];
    /// <summary>KMS grants the attacker created for an outside principal on a key of the account.</summary>
    public List<KmsGrantTruthSpec> KmsGrants { get; set; } = [];
    /// <summary>KMS key policies the attacker opened to an outside account (PutKeyPolicy).</summary>
    public List<KmsKeyPolicyTruthSpec> KmsKeyPolicies { get; set; } = [];
    /// <summary>AMIs shared out (<c>image</c> is usually a <c>${save.ImageId}</c> reference).</summary>
    public List<SharedImageSpec> SharedImages { get; set; } = [];
    public List<string> BucketsListed { get; set; } = [];
    public List<ObjectReadSpec> ObjectsRead { get; set; } = [];
    public StopLoggingSpec? StopLogging { get; set; }
    /// <summary>The other accounts of the organisation the attacker reached, each with what it found there.</summary>
    public List<AccountTruthSpec> Accounts { get; set; } = [];
}

/// <summary>An account the attacker reached: its id, the role it entered by, and what it created or used there.</summary>
public sealed class AccountTruthSpec
{
    public string Id { get; set; } = "";
    public string ReachedBy { get; set; } = "";
    public GroundTruthSpec Found { get; set; } = new();
}

public sealed class KeyPairTruthSpec
{
    public string Name { get; set; } = "";
    public List<string> Regions { get; set; } = [];
}

public sealed class SharedSnapshotSpec
{
    public string Region { get; set; } = "";
    public string Snapshot { get; set; } = "";
    public string SharedWith { get; set; } = "";
}

/// <summary>An AMI the attacker let an outside account launch.</summary>
public sealed class SharedImageSpec
{
    public string Region { get; set; } = "";
    public string Image { get; set; } = "";
    public string SharedWith { get; set; } = "";
}

/// <summary>A bucket the attacker opened, and to whom (<c>all</c>, outside account ids).</summary>
public sealed class OpenedBucketSpec
{
    public string Bucket { get; set; } = "";
    public List<string> OpenTo { get; set; } = [];
}

public sealed class ObjectReadSpec
{
    public string Bucket { get; set; } = "";
    public string Key { get; set; } = "";
}

public sealed class StopLoggingSpec
{
    public string Trail { get; set; } = "";
    public bool Succeeded { get; set; }
}
