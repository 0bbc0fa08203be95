namespace Shodo.Range.State.Ec2;

/// <summary>An EBS volume; instances launch with a root volume attached.</summary>
public sealed class Volume
{
    public required string VolumeId { get; init; }
    public required int Size { get; init; }
    public required string AvailabilityZone { get; init; }
    public required DateTimeOffset CreateTime { get; init; }
    public string VolumeType { get; init; } = "gp3";
    public int Iops { get; init; } = 3000;
    public int Throughput { get; init; } = 125;
    public string? SnapshotId { get; init; }
    public bool Encrypted { get; set; }
    /// <summary>The ARN of the KMS key an encrypted volume is encrypted with.</summary>
    public string? KmsKeyId { get; set; }
    public string? AttachedInstanceId { get; set; }
    public string? Device { get; set; }
    public DateTimeOffset? AttachTime { get; set; }
    public bool DeleteOnTermination { get; set; } = true;

    public string Status => AttachedInstanceId is null ? "available" : "in-use";
}
