namespace Shodo.Range.State.Rds;

/// <summary>An Aurora DB cluster in one region (the storage its instances share).</summary>
public sealed class DbCluster
{
    public required string Identifier { get; init; }
    public required string Region { get; init; }
    public required string AccountId { get; init; }
    public string Engine { get; init; } = "aurora-postgresql";
    public string EngineVersion { get; init; } = "16.4";
    public string Status { get; set; } = "available";
    public string MasterUsername { get; init; } = "postgres";
    public string? DatabaseName { get; init; }
    public int Port { get; init; } = 5432;
    public bool StorageEncrypted { get; init; } = true;
    /// <summary>The KMS key (ARN) an encrypted cluster's storage is encrypted with, when it was given one.</summary>
    public string? KmsKeyId { get; init; }
    public bool DeletionProtection { get; init; }
    public required DateTimeOffset CreatedAt { get; init; }
    public string ResourceId { get; init; } = "cluster-" + RdsIds.Random(26);
    public Dictionary<string, string> Tags { get; init; } = new(StringComparer.Ordinal);

    /// <summary>The account's partition, which names the ARN.</summary>
    public string Partition { get; set; } = RangePartitions.Aws;
    public string Arn => $"arn:{Partition}:rds:{Region}:{AccountId}:cluster:{Identifier}";
    public string Endpoint => $"{Identifier}.cluster-c{RdsIds.Stable(AccountId + Region, 12)}.{Region}.rds.amazonaws.com";
    public string ReaderEndpoint => $"{Identifier}.cluster-ro-c{RdsIds.Stable(AccountId + Region, 12)}.{Region}.rds.amazonaws.com";
}

/// <summary>
/// A DB cluster snapshot. <see cref="RestoreAccounts"/> is its <c>restore</c> attribute: the account ids it is shared with,
/// or <c>all</c> when it is public — as much a way for the data to leave as an instance snapshot.
/// </summary>
public sealed class DbClusterSnapshot
{
    public required string Identifier { get; init; }
    public required string ClusterIdentifier { get; init; }
    public required string Region { get; init; }
    public required string AccountId { get; init; }
    public required DateTimeOffset CreatedAt { get; init; }
    public string SnapshotType { get; init; } = "manual";
    public string Engine { get; init; } = "aurora-postgresql";
    public string EngineVersion { get; init; } = "16.4";
    public int Port { get; init; } = 5432;
    public string MasterUsername { get; init; } = "postgres";
    public bool StorageEncrypted { get; init; } = true;
    /// <summary>The cluster's KMS key (ARN): an account the snapshot is shared with restores it only with the use of that key.</summary>
    public string? KmsKeyId { get; init; }
    public DateTimeOffset ClusterCreatedAt { get; init; }
    [System.Text.Json.Serialization.JsonObjectCreationHandling(System.Text.Json.Serialization.JsonObjectCreationHandling.Populate)]
    public List<string> RestoreAccounts { get; } = [];
    public Dictionary<string, string> Tags { get; init; } = new(StringComparer.Ordinal);

    /// <summary>The account's partition, which names the ARN.</summary>
    public string Partition { get; set; } = RangePartitions.Aws;
    public string Arn => $"arn:{Partition}:rds:{Region}:{AccountId}:cluster-snapshot:{Identifier}";
    public string StatusAt(DateTimeOffset now) => now - CreatedAt >= DbSnapshot.CreationDuration ? "available" : "creating";
    public int PercentProgressAt(DateTimeOffset now) => StatusAt(now) == "available" ? 100 : 0;
}
