namespace Shodo.Range.State.Rds;

/// <summary>The RDS resources of one region, ordered by identifier as RDS lists them.</summary>
public sealed class RdsRegion
{
    public SortedDictionary<string, DbInstance> Instances { get; } = new(StringComparer.OrdinalIgnoreCase);
    public SortedDictionary<string, DbSnapshot> Snapshots { get; } = new(StringComparer.OrdinalIgnoreCase);
    public SortedDictionary<string, DbCluster> Clusters { get; } = new(StringComparer.OrdinalIgnoreCase);
    public SortedDictionary<string, DbClusterSnapshot> ClusterSnapshots { get; } = new(StringComparer.OrdinalIgnoreCase);
}
