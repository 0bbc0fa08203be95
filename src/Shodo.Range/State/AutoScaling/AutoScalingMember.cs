namespace Shodo.Range.State.AutoScaling;

/// <summary>One instance of an Auto Scaling group: its lifecycle in the group and its health as the group sees it.</summary>
public sealed class AutoScalingMember
{
    public required string InstanceId { get; init; }
    public required string InstanceType { get; init; }
    public required string AvailabilityZone { get; init; }
    public required DateTimeOffset LaunchedAt { get; init; }
    /// <summary>Pending, InService or Terminating.</summary>
    public string LifecycleState { get; set; } = "Pending";
    /// <summary>Healthy or Unhealthy.</summary>
    public string HealthStatus { get; set; } = "Healthy";
    /// <summary>When the group first saw the instance not running (the EC2 health check fails after an interval).</summary>
    public DateTimeOffset? NotRunningSince { get; set; }
}
