using System.Text.Json.Nodes;
using Shodo.Aws.AutoScaling.Calls;

namespace Shodo.Containment.Reads;

/// <summary>
/// An Auto Scaling group as containment sees it: what it launches from, its capacity, its members and the
/// processes suspended (the before-state that a roll-back restores). A group that does not exist reads as
/// <c>exists: false</c> (DescribeAutoScalingGroups lists nothing for an unknown name).
/// </summary>
public static class AutoScalingGroupState
{
    /// <summary>The tag EC2 Auto Scaling puts on every instance it launches.</summary>
    public const string GroupTag = "aws:autoscaling:groupName";

    public static async Task<JsonObject> ReadAsync(ContainmentContext context, string region, string name, CancellationToken ct)
    {
        var groups = await context.Aws.AutoScaling(region).ListAllAsync(new DescribeAutoScalingGroups([name]), ct).ConfigureAwait(false);
        if (groups.FirstOrDefault(g => g.AutoScalingGroupName == name) is not { } g)
            return new JsonObject { ["exists"] = false, ["autoScalingGroupName"] = name, ["region"] = region };
        return new JsonObject
        {
            ["exists"] = true,
            ["autoScalingGroupName"] = g.AutoScalingGroupName,
            ["autoScalingGroupArn"] = g.AutoScalingGroupArn,
            ["region"] = region,
            ["launchTemplateId"] = g.LaunchTemplateId,
            ["launchTemplateName"] = g.LaunchTemplateName,
            ["launchConfigurationName"] = g.LaunchConfigurationName,
            ["minSize"] = g.MinSize,
            ["maxSize"] = g.MaxSize,
            ["desiredCapacity"] = g.DesiredCapacity,
            ["createdTime"] = g.CreatedTime?.ToUniversalTime().ToString("O"),
            ["instances"] = new JsonArray(g.Instances.Select(i => (JsonNode)new JsonObject
            {
                ["instanceId"] = i.InstanceId, ["lifecycleState"] = i.LifecycleState, ["healthStatus"] = i.HealthStatus,
            }).ToArray()),
            ["suspendedProcesses"] = new JsonArray(g.SuspendedProcesses.Select(p => (JsonNode)JsonValue.Create(p)).ToArray()),
            ["tags"] = new JsonObject(g.Tags.Select(t => KeyValuePair.Create(t.Key, (JsonNode?)t.Value))),
        };
    }

    public static IReadOnlyList<string> Suspended(JsonObject state) =>
        (state["suspendedProcesses"] as JsonArray ?? []).Select(p => (string?)p).OfType<string>().ToList();
}
