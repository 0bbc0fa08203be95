namespace Shodo.Range.State.Rds;

/// <summary>An RDS DB instance in one region.</summary>
public sealed class DbInstance
{
    public required string Identifier { get; init; }
    public required string Region { get; init; }
    public required string AccountId { get; init; }
    public string InstanceClass { get; init; } = "db.t3.micro";
    public string Engine { get; init; } = "postgres";
    public string EngineVersion { get; init; } = "16.3";
    public string Status { get; set; } = "available";
    public string MasterUsername { get; init; } = "postgres";
    public string? DbName { get; init; }
    public int AllocatedStorage { get; init; } = 20;
    public int Port { get; init; } = 5432;
    public bool StorageEncrypted { get; init; }
    /// <summary>The ARN of the KMS key an encrypted instance's storage (and so its snapshots) is encrypted with.</summary>
    public string? KmsKeyId { get; set; }
    public bool PubliclyAccessible { get; init; }
    public bool DeletionProtection { get; init; }
    public required DateTimeOffset CreatedAt { get; init; }
    public string ResourceId { get; init; } = "db-" + RdsIds.Random(26);
    public Dictionary<string, string> Tags { get; init; } = new(StringComparer.Ordinal);

    /// <summary>The account's partition, which names the ARN.</summary>
    public string Partition { get; set; } = RangePartitions.Aws;
    public string Arn => $"arn:{Partition}:rds:{Region}:{AccountId}:db:{Identifier}";
    public string AvailabilityZone => Region + "a";
    public string EndpointAddress => $"{Identifier}.c{RdsIds.Stable(AccountId + Region, 12)}.{Region}.rds.amazonaws.com";
}
