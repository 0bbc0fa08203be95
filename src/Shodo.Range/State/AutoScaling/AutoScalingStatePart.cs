using System.Text.Json;
using System.Text.Json.Nodes;

namespace Shodo.Range.State.AutoScaling;

/// <summary>Auto Scaling in the state file: every region's groups with their members and suspended processes.</summary>
public sealed class AutoScalingStatePart : IStatePart
{
    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    public string Name => "autoscaling";

    public JsonNode Save(RangeState state) => JsonSerializer.SerializeToNode(state.SaveAutoScaling(), Options)!;

    public void Load(RangeState state, JsonNode node) =>
        state.LoadAutoScaling(node.Deserialize<Dictionary<string, AutoScalingRegion>>(Options)
            ?? throw new InvalidDataException("The autoscaling state is empty."));
}
