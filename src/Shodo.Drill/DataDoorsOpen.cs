using Shodo.Range.Scenarios;
using Shodo.Range.State;

namespace Shodo.Drill;

/// <summary>
/// The doors to the data still open at the end of a drill, read from the range's final state (not from what Shodo
/// says): every RDS or EBS snapshot any region holds that is public (<c>all</c>) or still open to an outside account
/// the attacker shared with. Each is named <c>rds-snapshot:REGION:ID -> ACCOUNT</c> (or <c>ebs-snapshot:...</c>).
/// </summary>
public static class DataDoorsOpen
{
    public static IReadOnlyList<string> Find(RangeState state, GroundTruth truth)
    {
        var outside = truth.SharedSnapshots.Select(s => s.SharedWithAccount).Append("all").ToHashSet(StringComparer.Ordinal);
        lock (state.Sync)
            return state.RdsRegions
                .SelectMany(r => r.Value.Snapshots.Values.SelectMany(s => s.RestoreAccounts.Where(outside.Contains)
                    .Select(a => $"rds-snapshot:{r.Key}:{s.Identifier} -> {a}")))
                .Concat(state.Ec2Regions.SelectMany(r => r.Snapshots.SelectMany(s => s.CreateVolumePermissions.Where(outside.Contains)
                    .Select(a => $"ebs-snapshot:{r.Region}:{s.SnapshotId} -> {a}"))))
                .Order(StringComparer.Ordinal).ToList();
    }
}
