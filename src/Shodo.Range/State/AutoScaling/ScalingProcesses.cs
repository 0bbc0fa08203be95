namespace Shodo.Range.State.AutoScaling;

/// <summary>The scaling processes of a group, as DescribeScalingProcessTypes lists them (AWS's order).</summary>
public static class ScalingProcesses
{
    public const string Launch = "Launch", Terminate = "Terminate", HealthCheck = "HealthCheck",
        ReplaceUnhealthy = "ReplaceUnhealthy", AZRebalance = "AZRebalance";

    public static IReadOnlyList<string> All { get; } =
    [
        "AZRebalance", "AddToLoadBalancer", "AlarmNotification", "HealthCheck", "InstanceRefresh", "Launch",
        "RemoveFromLoadBalancerLowPriority", "ReplaceUnhealthy", "ScheduledActions", "Terminate",
    ];
}
