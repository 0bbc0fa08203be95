using Shodo.Range.Scenarios;
using Shodo.Range.State;
using Shodo.Range.State.AutoScaling;
using Shodo.Range.State.Ec2;

namespace Shodo.Drill;

/// <summary>
/// What became of the scenario's attacker instances by the end of the drill, read from the range: lost (terminated,
/// shutting down or gone — the evidence destroyed), still running and not isolated in a quarantine group, and
/// instances an Auto Scaling group launched after the response began (replacements) — read after the range clock ran on
/// for <see cref="HeldFor"/>.
/// </summary>
public sealed record ComputeOutcome(IReadOnlyList<string> Lost, IReadOnlyList<string> Uncontained, IReadOnlyList<string> Replaced)
{
    public const string QuarantinePrefix = "shodo-quarantine-";

    /// <summary>How long the range clock runs on after the response before the outcome is read (many health-check intervals).</summary>
    public static readonly TimeSpan HeldFor = TimeSpan.FromMinutes(15);

    public static ComputeOutcome Read(RangeState state, GroundTruth truth, DateTimeOffset responseStarted)
    {
        lock (state.Sync)
        {
            var lost = new List<string>();
            var uncontained = new List<string>();
            foreach (var i in truth.Instances)
            {
                var region = state.Ec2(i.Region);
                var instance = region.FindInstance(i.InstanceId);
                if (instance is null || instance.IsGone) lost.Add(i.InstanceId);
                else if (instance.State is InstanceStates.Pending or InstanceStates.Running
                         && !instance.SecurityGroupIds.All(g => region.FindSecurityGroup(g)?.GroupName.StartsWith(QuarantinePrefix, StringComparison.Ordinal) == true))
                    uncontained.Add(i.InstanceId);
            }
            var replaced = state.Ec2Regions
                .SelectMany(r => r.Instances.Where(i => i.LaunchTime >= responseStarted && r.Tags.Value(i.InstanceId, AutoScalingRegion.GroupTag) is not null))
                .Select(i => i.InstanceId).ToList();
            return new ComputeOutcome(lost.Order(StringComparer.Ordinal).ToList(), uncontained.Order(StringComparer.Ordinal).ToList(),
                replaced.Order(StringComparer.Ordinal).ToList());
        }
    }
}
