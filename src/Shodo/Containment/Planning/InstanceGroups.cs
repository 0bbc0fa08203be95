using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using Shodo.Containment.Reads;

namespace Shodo.Containment.Planning;

/// <summary>
/// The Auto Scaling groups (tag <c>aws:autoscaling:groupName</c>) and Spot Fleets (tag <c>aws:ec2spot:fleet-request-id</c>)
/// of the instances being planned, noted while each instance is read: each becomes a target of its own, so that the group
/// or fleet is held (its before-state recorded) before its instance is stopped — a stopped member is otherwise replaced.
/// </summary>
public sealed class InstanceGroups
{
    private readonly ConcurrentDictionary<string, TargetGroup> _groups = new(StringComparer.Ordinal);

    public void Note(TargetGroup instance, JsonObject state)
    {
        if (instance.Target.Kind != TargetKinds.Instance || instance.Target.Region is not { } region) return;
        if ((string?)state["tags"]?[AutoScalingGroupState.GroupTag] is { Length: > 0 } name)
            Add(instance, new ContainmentTarget(TargetKinds.AutoScalingGroup, name, region), $"Auto Scaling group of {instance.Target.Id}");
        // A Spot Fleet of type maintain replaces a stopped member as a group does.
        if ((string?)state["tags"]?[SpotFleetState.FleetTag] is { Length: > 0 } fleet)
            Add(instance, new ContainmentTarget(TargetKinds.SpotFleet, fleet, region), $"Spot Fleet of {instance.Target.Id}");
        // So does an EC2 Fleet of type maintain.
        if ((string?)state["tags"]?[Ec2FleetState.FleetTag] is { Length: > 0 } ec2Fleet)
            Add(instance, new ContainmentTarget(TargetKinds.Ec2Fleet, ec2Fleet, region), $"EC2 Fleet of {instance.Target.Id}");
    }

    private void Add(TargetGroup instance, ContainmentTarget target, string reason)
    {
        var group = _groups.GetOrAdd(target.Key, _ => new TargetGroup(target) { Identity = instance.Identity });
        lock (group)
        {
            group.Because(reason);
            foreach (var r in instance.Resources.Where(r => !group.Resources.Contains(r))) group.Resources.Add(r);
            foreach (var i in instance.Identities.Where(i => !group.Identities.Contains(i))) group.Identities.Add(i);
        }
    }

    /// <summary>The groups noted that are not targets already.</summary>
    public IReadOnlyList<TargetGroup> NotIn(TargetSet targets)
    {
        var known = targets.All.Select(t => t.Target.Key).ToHashSet(StringComparer.Ordinal);
        return _groups.Values.Where(g => !known.Contains(g.Target.Key)).OrderBy(g => g.Target.Key, StringComparer.Ordinal).ToList();
    }
}
