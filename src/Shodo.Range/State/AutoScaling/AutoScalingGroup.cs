namespace Shodo.Range.State.AutoScaling;

/// <summary>
/// An Auto Scaling group launching from a launch template: its capacity, zones, members, tags and the processes
/// suspended (by name, with AWS's reason text).
/// </summary>
public sealed class AutoScalingGroup
{
    public required string Name { get; init; }
    public required string Arn { get; init; }
    public required string LaunchTemplateId { get; init; }
    public required string LaunchTemplateName { get; init; }
    public string LaunchTemplateVersion { get; init; } = "$Default";
    public int MinSize { get; set; }
    public int MaxSize { get; set; }
    public int DesiredCapacity { get; set; }
    public int DefaultCooldown { get; init; } = 300;
    public List<string> AvailabilityZones { get; init; } = [];
    public string HealthCheckType { get; init; } = "EC2";
    public int HealthCheckGracePeriod { get; init; }
    public required DateTimeOffset CreatedTime { get; init; }
    public string? CreatedBy { get; init; }
    public List<AutoScalingMember> Members { get; init; } = [];
    /// <summary>Suspended process → its reason ("User suspended at ...").</summary>
    public Dictionary<string, string> Suspended { get; init; } = new(StringComparer.Ordinal);
    public List<AutoScalingTag> Tags { get; init; } = [];

    public bool IsSuspended(string process) => Suspended.ContainsKey(process);
}

public sealed record AutoScalingTag(string Key, string Value, bool PropagateAtLaunch);
