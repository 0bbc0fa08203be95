using System.Text.Json;
using System.Text.Json.Nodes;

namespace Shodo.Range.State.Ram;

/// <summary>RAM in the state file: every region's resource shares with their principal and resource associations.</summary>
public sealed class RamStatePart : IStatePart
{
    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    public string Name => "ram";

    public JsonNode Save(RangeState state) => JsonSerializer.SerializeToNode(state.SaveRam(), Options)!;

    public void Load(RangeState state, JsonNode node) =>
        state.LoadRam(node.Deserialize<List<RamRegionData>>(Options) ?? throw new InvalidDataException("The ram state is empty."));
}

/// <summary>One region's resource shares as saved.</summary>
public sealed record RamRegionData(string Region, List<ResourceShare> Shares);
