using System.Globalization;
using System.Xml.Linq;
using Shodo.Range.State.AutoScaling;

namespace Shodo.Range.Services.AutoScaling;

/// <summary>Groups in Auto Scaling's XML shapes (unqualified names; lists of member elements).</summary>
internal static class AutoScalingXml
{
    public static string Time(DateTimeOffset time) =>
        time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);

    private static XElement Members(string name, IEnumerable<object?> items) => new(name, items.Select(i => new XElement("member", i)));

    private static XElement Template(AutoScalingGroup g) => new("LaunchTemplate",
        new XElement("LaunchTemplateId", g.LaunchTemplateId),
        new XElement("LaunchTemplateName", g.LaunchTemplateName),
        new XElement("Version", g.LaunchTemplateVersion));

    public static XElement Group(AutoScalingGroup g) => new("member",
        new XElement("AutoScalingGroupName", g.Name),
        new XElement("AutoScalingGroupARN", g.Arn),
        Template(g),
        new XElement("MinSize", g.MinSize),
        new XElement("MaxSize", g.MaxSize),
        new XElement("DesiredCapacity", g.DesiredCapacity),
        new XElement("DefaultCooldown", g.DefaultCooldown),
        Members("AvailabilityZones", g.AvailabilityZones),
        new XElement("LoadBalancerNames"),
        new XElement("TargetGroupARNs"),
        new XElement("HealthCheckType", g.HealthCheckType),
        new XElement("HealthCheckGracePeriod", g.HealthCheckGracePeriod),
        new XElement("Instances", g.Members.Select(m => new XElement("member",
            new XElement("InstanceId", m.InstanceId),
            new XElement("InstanceType", m.InstanceType),
            new XElement("AvailabilityZone", m.AvailabilityZone),
            new XElement("LifecycleState", m.LifecycleState),
            new XElement("HealthStatus", m.HealthStatus),
            Template(g),
            new XElement("ProtectedFromScaleIn", "false")))),
        new XElement("CreatedTime", Time(g.CreatedTime)),
        new XElement("SuspendedProcesses", g.Suspended.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => new XElement("member",
            new XElement("ProcessName", p.Key), new XElement("SuspensionReason", p.Value)))),
        new XElement("VPCZoneIdentifier", ""),
        new XElement("EnabledMetrics"),
        new XElement("Tags", g.Tags.Select(t => new XElement("member",
            new XElement("ResourceId", g.Name), new XElement("ResourceType", "auto-scaling-group"),
            new XElement("Key", t.Key), new XElement("Value", t.Value),
            new XElement("PropagateAtLaunch", t.PropagateAtLaunch ? "true" : "false")))),
        Members("TerminationPolicies", ["Default"]),
        new XElement("NewInstancesProtectedFromScaleIn", "false"),
        new XElement("ServiceLinkedRoleARN",
            $"arn:{g.Arn.Split(':')[1]}:iam::{g.Arn.Split(':')[4]}:role/aws-service-role/autoscaling.amazonaws.com/AWSServiceRoleForAutoScaling"),
        new XElement("CapacityRebalance", "false"));
}
