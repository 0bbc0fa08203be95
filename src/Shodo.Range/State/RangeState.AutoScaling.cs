using Shodo.Range.State.AutoScaling;
using Shodo.Range.State.Ec2;

namespace Shodo.Range.State;

/// <summary>Auto Scaling: groups per region, settled with the region's EC2 state (see <see cref="AutoScalingRegion"/>).</summary>
public sealed partial class RangeState
{
    private readonly Dictionary<string, AutoScalingRegion> _autoScaling = new(StringComparer.Ordinal);

    /// <summary>The groups of a region, settled to the simulated time (with the region's EC2 state). Call under <see cref="Sync"/>.</summary>
    public AutoScalingRegion AutoScaling(string region)
    {
        Ec2(region); // settles the region's instances and its groups
        return AutoScalingOf(region);
    }

    private AutoScalingRegion AutoScalingOf(string region)
    {
        if (!_autoScaling.TryGetValue(region, out var groups)) _autoScaling[region] = groups = new AutoScalingRegion();
        return groups;
    }

    /// <summary>
    /// Creates a group and launches its desired capacity from its launch template (as CreateAutoScalingGroup does, and
    /// as a test or scenario seeds one: no CloudTrail event here).
    /// </summary>
    public AutoScalingGroup CreateAutoScalingGroup(string region, AutoScalingGroup group)
    {
        lock (Sync)
        {
            var ec2 = Ec2(region);
            AutoScalingOf(region).Groups[group.Name] = group;
            AutoScalingRegion.Launch(group, ec2, group.DesiredCapacity, Clock.Now);
            return group;
        }
    }

    /// <summary>Health checks, replacements and launches due by now in a region whose EC2 state has just settled.</summary>
    private void SettleAutoScaling(string region, Ec2Region ec2)
    {
        if (_autoScaling.TryGetValue(region, out var groups)) groups.Settle(ec2, Clock.Now);
    }

    public Dictionary<string, AutoScalingRegion> SaveAutoScaling() =>
        _autoScaling.Where(r => r.Value.Groups.Count > 0).ToDictionary(r => r.Key, r => r.Value, StringComparer.Ordinal);

    public void LoadAutoScaling(Dictionary<string, AutoScalingRegion> regions)
    {
        _autoScaling.Clear();
        foreach (var (name, region) in regions) _autoScaling[name] = region;
    }
}
