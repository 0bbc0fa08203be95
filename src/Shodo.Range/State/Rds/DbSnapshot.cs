namespace Shodo.Range.State.Rds;

/// <summary>
/// An RDS DB snapshot. <see cref="RestoreAccounts"/> is its <c>restore</c> attribute: the account ids
/// it is shared with, or <c>all</c> when it is public.
/// </summary>
public sealed class DbSnapshot
{
    /// <summary>How long a new snapshot stays "creating" in simulated time.</summary>
    public static readonly TimeSpan CreationDuration = TimeSpan.FromSeconds(30);

    public required string Identifier { get; init; }
    public required string InstanceIdentifier { get; init; }
    public required string Region { get; init; }
    public required string AccountId { get; init; }
    public required DateTimeOffset CreatedAt { get; init; }
    /// <summary>manual or automated.</summary>
    public string SnapshotType { get; init; } = "manual";
    public string Engine { get; init; } = "postgres";
    public string EngineVersion { get; init; } = "16.3";
    public int AllocatedStorage { get; init; } = 20;
    public int Port { get; init; } = 5432;
    public string MasterUsername { get; init; } = "postgres";
    public bool Encrypted { get; init; }
    /// <summary>The ARN of the KMS key an encrypted snapshot is encrypted with (its instance's): whoever may use it can restore a copy.</summary>
    public string? KmsKeyId { get; init; }
    public DateTimeOffset InstanceCreatedAt { get; init; }
    public string InstanceResourceId { get; init; } = "";
    [System.Text.Json.Serialization.JsonObjectCreationHandling(System.Text.Json.Serialization.JsonObjectCreationHandling.Populate)]
    public List<string> RestoreAccounts { get; } = [];
    public Dictionary<string, string> Tags { get; init; } = new(StringComparer.Ordinal);

    /// <summary>The account's partition, which names the ARN.</summary>
    public string Partition { get; set; } = RangePartitions.Aws;
    public string Arn => $"arn:{Partition}:rds:{Region}:{AccountId}:snapshot:{Identifier}";
    public string AvailabilityZone => Region + "a";

    public string StatusAt(DateTimeOffset now) => now - CreatedAt >= CreationDuration ? "available" : "creating";
    public int PercentProgressAt(DateTimeOffset now) => StatusAt(now) == "available" ? 100 : 0;
}
