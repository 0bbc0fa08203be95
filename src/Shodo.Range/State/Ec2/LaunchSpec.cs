namespace Shodo.Range.State.Ec2;

/// <summary>What to launch: shared by RunInstances, Spot requests and their relaunches.</summary>
public sealed record LaunchSpec
{
    public required string ImageId { get; init; }
    public string InstanceType { get; init; } = "m1.small";
    public string? KeyName { get; init; }
    public IReadOnlyList<string> SecurityGroupIds { get; init; } = [];
    public string? UserData { get; init; }
    public string? AvailabilityZone { get; init; }
    public string? SubnetId { get; init; }
    public bool DisableApiTermination { get; init; }
    public bool DisableApiStop { get; init; }
    public string InstanceInitiatedShutdownBehavior { get; init; } = "stop";
    public IReadOnlyList<Tag> InstanceTags { get; init; } = [];
    public IReadOnlyList<Tag> VolumeTags { get; init; } = [];
    public string? ClientToken { get; init; }
    /// <summary>"ebs", or "instance-store" (an instance-store-backed AMI: no root volume, cannot be stopped).</summary>
    public string RootDeviceType { get; init; } = "ebs";
}
