using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using Shodo.Containment.Reads;

namespace Shodo.Containment.Planning;

/// <summary>
/// The Auto Scaling groups of the instances being planned (tag <c>aws:autoscaling:groupName</c>), noted while each
/// instance is read: each becomes a target of its own, so that the group is held (its processes suspended, its
/// before-state recorded) before its instance is stopped — a stopped member is otherwise terminated and replaced.
/// </summary>
public sealed class InstanceGroups
{
    private readonly ConcurrentDictionary<string, TargetGroup> _groups = new(StringComparer.Ordinal);

    public void Note(TargetGroup instance, JsonObject state)
    {
        if (instance.Target.Kind != TargetKinds.Instance || instance.Target.Region is not { } region
            || (string?)state["tags"]?[AutoScalingGroupState.GroupTag] is not { Length: > 0 } name) return;
        var target = new ContainmentTarget(TargetKinds.AutoScalingGroup, name, region);
        var group = _groups.GetOrAdd(target.Key, _ => new TargetGroup(target) { Identity = instance.Identity });
        lock (group)
        {
            group.Because($"Auto Scaling group of {instance.Target.Id}");
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
