using Shodo.Range.State.Ec2;

namespace Shodo.Range.State.AutoScaling;

/// <summary>
/// The Auto Scaling groups of one region, and what the service does on its own as the range clock moves:
/// the EC2 health check marks a member that is not running unhealthy after <see cref="HealthCheckInterval"/>,
/// ReplaceUnhealthy terminates it, and Launch brings the group back to its desired capacity from its launch
/// template — each only while its process (and Terminate for a termination) is not suspended.
/// </summary>
public sealed class AutoScalingRegion
{
    public static readonly TimeSpan HealthCheckInterval = TimeSpan.FromMinutes(1);
    public const string GroupTag = "aws:autoscaling:groupName";
    public const string DefaultImageId = "ami-0abcdef1234567890";

    public Dictionary<string, AutoScalingGroup> Groups { get; init; } = new(StringComparer.Ordinal);

    public AutoScalingGroup? Find(string name) => Groups.GetValueOrDefault(name);

    public void Settle(Ec2Region ec2, DateTimeOffset now)
    {
        foreach (var group in Groups.Values) Settle(group, ec2, now);
    }

    private static void Settle(AutoScalingGroup group, Ec2Region ec2, DateTimeOffset now)
    {
        foreach (var member in group.Members.ToList())
        {
            var instance = ec2.FindInstance(member.InstanceId);
            if (instance is null || instance.State == InstanceStates.Terminated)
            {
                group.Members.Remove(member);
                continue;
            }
            if (member.LifecycleState == "Terminating") continue;
            if (instance.State == InstanceStates.Running) { member.LifecycleState = "InService"; member.NotRunningSince = null; }
            if (instance.State is InstanceStates.Stopping or InstanceStates.Stopped or InstanceStates.ShuttingDown)
            {
                member.NotRunningSince ??= now;
                if (!group.IsSuspended(ScalingProcesses.HealthCheck) && member.HealthStatus == "Healthy"
                    && now >= member.NotRunningSince + HealthCheckInterval
                    && now >= member.LaunchedAt + TimeSpan.FromSeconds(group.HealthCheckGracePeriod))
                    member.HealthStatus = "Unhealthy";
            }
            if (member.HealthStatus == "Unhealthy" && !group.IsSuspended(ScalingProcesses.ReplaceUnhealthy)
                && !group.IsSuspended(ScalingProcesses.Terminate))
            {
                member.LifecycleState = "Terminating";
                if (!instance.IsGone) ec2.Terminate(instance, now);
            }
        }
        var active = group.Members.Count(m => m.LifecycleState != "Terminating");
        if (active < group.DesiredCapacity && !group.IsSuspended(ScalingProcesses.Launch))
            Launch(group, ec2, group.DesiredCapacity - active, now);
    }

    /// <summary>Launches members from the group's template, each in the group's least-used zone, tagged with the group's name.</summary>
    public static void Launch(AutoScalingGroup group, Ec2Region ec2, int count, DateTimeOffset now)
    {
        var template = ec2.LaunchTemplates.FirstOrDefault(t => t.LaunchTemplateId == group.LaunchTemplateId);
        if (template is null) return; // a deleted template launches nothing (AWS records a failed activity)
        for (var i = 0; i < count; i++)
        {
            var zone = group.AvailabilityZones.OrderBy(z => group.Members.Count(m => m.AvailabilityZone == z))
                .ThenBy(z => z, StringComparer.Ordinal).First();
            var spec = new LaunchSpec
            {
                ImageId = template.ImageId ?? DefaultImageId,
                InstanceType = template.InstanceType ?? "m1.small",
                KeyName = template.KeyName,
                AvailabilityZone = zone,
                InstanceTags = [new Tag(GroupTag, group.Name), .. group.Tags.Where(t => t.PropagateAtLaunch).Select(t => new Tag(t.Key, t.Value))],
            };
            var instance = ec2.Launch(spec, 1, now)[0];
            group.Members.Add(new AutoScalingMember
            {
                InstanceId = instance.InstanceId, InstanceType = instance.InstanceType, AvailabilityZone = instance.AvailabilityZone,
                LaunchedAt = now,
            });
        }
    }
}
