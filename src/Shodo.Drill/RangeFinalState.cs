using Shodo.Range;

namespace Shodo.Drill;

/// <summary>The range's account when the drill ends: every instance's state (by region and id) and every access key's status.</summary>
public sealed record RangeFinalState(IReadOnlyDictionary<(string Region, string InstanceId), string> Instances,
    IReadOnlyDictionary<string, string> AccessKeys)
{
    public static RangeFinalState Read(RangeHost range)
    {
        var state = range.State;
        lock (state.Sync)
        {
            var instances = state.Ec2Regions.Select(r => r.Region).ToList().Select(state.Ec2) // settled to the range's clock
                .SelectMany(r => r.Instances.Select(i => ((r.Region, i.InstanceId), i.State)))
                .ToDictionary(x => x.Item1, x => x.State);
            var keys = state.Iam.AccessKeys.Values.ToDictionary(k => k.AccessKeyId, k => k.Status, StringComparer.Ordinal);
            return new RangeFinalState(instances, keys);
        }
    }

    public bool Running(string region, string instanceId) =>
        Instances.TryGetValue((region, instanceId), out var s) && s is "running" or "pending";
}
