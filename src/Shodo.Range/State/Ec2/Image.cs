namespace Shodo.Range.State.Ec2;

/// <summary>
/// An AMI the account owns (CreateImage from an instance): pending until <see cref="AvailableAt"/>. Its launchPermission
/// attribute lists the account ids that may launch it, and <c>all</c> when it is public — how an image (a copy of a
/// server's disks) is shared out.
/// </summary>
public sealed class Image
{
    public static readonly TimeSpan CreateTime = TimeSpan.FromMinutes(5);

    public required string ImageId { get; init; }
    public required string Name { get; init; }
    public string Description { get; init; } = "";
    public required string OwnerId { get; init; }
    public required DateTimeOffset CreationDate { get; init; }
    public required DateTimeOffset AvailableAt { get; init; }
    public string? SourceInstanceId { get; init; }

    [System.Text.Json.Serialization.JsonObjectCreationHandling(System.Text.Json.Serialization.JsonObjectCreationHandling.Populate)]
    public List<string> LaunchPermissions { get; } = [];

    /// <summary>The device the image's root volume is attached at.</summary>
    public string RootDeviceName { get; init; } = "/dev/xvda";

    /// <summary>One EBS snapshot per volume of the source instance (CreateImage makes them): the copy of each disk.</summary>
    [System.Text.Json.Serialization.JsonObjectCreationHandling(System.Text.Json.Serialization.JsonObjectCreationHandling.Populate)]
    public List<ImageBlockDevice> BlockDeviceMappings { get; } = [];

    public string State(DateTimeOffset now) => now >= AvailableAt ? "available" : "pending";
}

/// <summary>A block device mapping of an AMI: the device name and the EBS snapshot it launches a volume from.</summary>
public sealed record ImageBlockDevice(string DeviceName, string SnapshotId, int VolumeSize, string VolumeType, bool Encrypted,
    bool DeleteOnTermination = true);
