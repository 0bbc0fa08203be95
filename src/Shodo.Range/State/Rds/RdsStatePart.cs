using System.Text.Json;
using System.Text.Json.Nodes;

namespace Shodo.Range.State.Rds;

/// <summary>
/// RDS in the state file: every region's DB instances and snapshots, with each snapshot's
/// <c>restore</c> attribute (the accounts it is shared with, or <c>all</c>) and tags.
/// </summary>
public sealed class RdsStatePart : IStatePart
{
    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    public string Name => "rds";

    public JsonNode Save(RangeState state) => JsonSerializer.SerializeToNode(state.SaveRds(), Options)!;

    public void Load(RangeState state, JsonNode node) =>
        state.LoadRds(node.Deserialize<List<RdsRegionData>>(Options) ?? throw new InvalidDataException("The rds state is empty."));
}

/// <summary>One region's RDS resources as saved.</summary>
public sealed record RdsRegionData(string Region, List<DbInstance> Instances, List<DbSnapshot> Snapshots,
    List<DbCluster>? Clusters = null, List<DbClusterSnapshot>? ClusterSnapshots = null);
