using System.Text.Json;
using System.Text.Json.Nodes;

namespace Shodo.Range.State.Ec2;

/// <summary>Regions (opt-in status), EC2 timings and every region's EC2 resources in the state file.</summary>
public sealed class Ec2StatePart : IStatePart
{
    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    public string Name => "ec2";

    public JsonNode Save(RangeState state) => JsonSerializer.SerializeToNode(state.SaveEc2(), Options)!;

    public void Load(RangeState state, JsonNode node) =>
        state.LoadEc2(node.Deserialize<Ec2AccountData>(Options) ?? throw new InvalidDataException("The ec2 state is empty."));
}
