using Shodo.Range.Scenarios;
using Shodo.Range.State;
using Shodo.Range.State.AutoScaling;
using Shodo.Range.State.Ec2;

namespace Shodo.Drill;

/// <summary>
/// What became of the scenario's attacker instances by the end of the drill, read from the range: lost (terminated,
/// shutting down or gone — the evidence destroyed), still running with an interface outside a quarantine group, instances
/// an Auto Scaling group or a fleet (Spot Fleet, EC2 Fleet) launched after the response began (replacements), and the
/// live connections the attacker's instances still hold (isolation must cut them, not only change groups) — read after
/// the range clock ran on for <see cref="HeldFor"/>.
/// </summary>
public sealed record ComputeOutcome(IReadOnlyList<string> Lost, IReadOnlyList<string> Uncontained, IReadOnlyList<string> Replaced)
{
    public const string QuarantinePrefix = "shodo-quarantine-";

    /// <summary>How long the range clock runs on after the response before the outcome is read (many health-check intervals).</summary>
    public static readonly TimeSpan HeldFor = TimeSpan.FromMinutes(15);

    /// <summary>Live connections of attacker instances still open: <c>INSTANCE ENI -> REMOTE:PORT</c>.</summary>
    public IReadOnlyList<string> ConnectionsOpen { get; init; } = [];

    /// <summary>The tags that mark an instance a group or fleet launched (and would launch again).</summary>
    private static readonly string[] Relaunchers = [AutoScalingRegion.GroupTag, SpotFleet.FleetTag, Ec2Fleet.FleetTag];

    public static ComputeOutcome Read(RangeState state, GroundTruth truth, DateTimeOffset responseStarted)
    {
        lock (state.Sync)
        {
            var lost = new List<string>();
            var uncontained = new List<string>();
            var open = new List<string>();
            foreach (var i in truth.Instances)
            {
                var region = state.Ec2(i.Region);
                var instance = region.FindInstance(i.InstanceId);
                if (instance is null || instance.IsGone) lost.Add(i.InstanceId);
                else if (instance.State is InstanceStates.Pending or InstanceStates.Running
                         && !Interfaces(instance).All(groups => groups.All(g => region.FindSecurityGroup(g)?.GroupName.StartsWith(QuarantinePrefix, StringComparison.Ordinal) == true)))
                    uncontained.Add(i.InstanceId);
                if (instance is not null)
                    open.AddRange(instance.Connections.Where(c => c.IsOpen).Select(c => $"{instance.InstanceId} {c.NetworkInterfaceId} -> {c.RemoteAddress}:{c.RemotePort}"));
            }
            var replaced = state.Ec2Regions
                .SelectMany(r => r.Instances.Where(i => i.LaunchTime >= responseStarted && Relaunchers.Any(t => r.Tags.Value(i.InstanceId, t) is not null)))
                .Select(i => i.InstanceId).ToList();
            return new ComputeOutcome(lost.Order(StringComparer.Ordinal).ToList(), uncontained.Order(StringComparer.Ordinal).ToList(),
                replaced.Order(StringComparer.Ordinal).ToList()) { ConnectionsOpen = open.Order(StringComparer.Ordinal).ToList() };
        }
    }

    /// <summary>Each network interface's security groups, the primary one first.</summary>
    private static IEnumerable<IReadOnlyList<string>> Interfaces(Ec2Instance instance) =>
        instance.ExtraInterfaces.Select(e => (IReadOnlyList<string>)e.SecurityGroupIds).Prepend(instance.SecurityGroupIds);
}
