namespace Shodo.Range.State.Ec2;

/// <summary>An EBS snapshot: pending until <see cref="CompletesAt"/>, then completed.</summary>
public sealed class Snapshot
{
    public static readonly TimeSpan CopyTime = TimeSpan.FromMinutes(2);

    public required string SnapshotId { get; init; }
    public required string VolumeId { get; init; }
    public required int VolumeSize { get; init; }
    public required DateTimeOffset StartTime { get; init; }
    public required string OwnerId { get; init; }
    public string Description { get; init; } = "";
    public bool Encrypted { get; init; }
    /// <summary>The ARN of the KMS key an encrypted snapshot is encrypted with (its volume's): whoever may use it can restore a copy.</summary>
    public string? KmsKeyId { get; init; }
    public required DateTimeOffset CompletesAt { get; init; }
    /// <summary>The createVolumePermission attribute: account ids that may create a volume from it, and <c>all</c> when public.</summary>
    [System.Text.Json.Serialization.JsonObjectCreationHandling(System.Text.Json.Serialization.JsonObjectCreationHandling.Populate)]
    public List<string> CreateVolumePermissions { get; } = [];

    public string Status(DateTimeOffset now) => now >= CompletesAt ? "completed" : "pending";

    public string Progress(DateTimeOffset now) =>
        now >= CompletesAt ? "100%" : $"{(int)(100 * (now - StartTime) / (CompletesAt - StartTime))}%";
}
