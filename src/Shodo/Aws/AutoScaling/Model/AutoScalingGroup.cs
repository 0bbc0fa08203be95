using System.Xml.Linq;
using Shodo.Aws.Protocols;

namespace Shodo.Aws.AutoScaling.Model;

/// <summary>An Auto Scaling group (botocore <c>AutoScalingGroup</c>): what it launches from, its capacity, members and suspended processes.</summary>
public sealed record AutoScalingGroup(
    string AutoScalingGroupName, string? AutoScalingGroupArn, string? LaunchTemplateId, string? LaunchTemplateName,
    string? LaunchConfigurationName, int MinSize, int MaxSize, int DesiredCapacity, DateTimeOffset? CreatedTime,
    IReadOnlyList<AutoScalingMember> Instances, IReadOnlyList<string> SuspendedProcesses, IReadOnlyDictionary<string, string> Tags)
{
    public static AutoScalingGroup From(XElement e) => new(
        e.Required("AutoScalingGroupName"), e.Text("AutoScalingGroupARN"),
        e.Child("LaunchTemplate")?.Text("LaunchTemplateId"), e.Child("LaunchTemplate")?.Text("LaunchTemplateName"),
        e.Text("LaunchConfigurationName"), e.Int("MinSize") ?? 0, e.Int("MaxSize") ?? 0, e.Int("DesiredCapacity") ?? 0,
        e.Date("CreatedTime"),
        e.Items("Instances").Select(i => new AutoScalingMember(i.Required("InstanceId"), i.Text("LifecycleState"), i.Text("HealthStatus"))).ToList(),
        e.Items("SuspendedProcesses").Select(p => p.Required("ProcessName")).Order(StringComparer.Ordinal).ToList(),
        e.Tags());
}

/// <summary>One instance of a group, with its lifecycle state and health as the group sees them.</summary>
public sealed record AutoScalingMember(string InstanceId, string? LifecycleState, string? HealthStatus);
