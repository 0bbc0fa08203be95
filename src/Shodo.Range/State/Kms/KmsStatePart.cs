using System.Text.Json;
using System.Text.Json.Nodes;

namespace Shodo.Range.State.Kms;

/// <summary>KMS in the state file: every region's keys with their policies and grants (grant tokens included, as keys' secrets are).</summary>
public sealed class KmsStatePart : IStatePart
{
    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    public string Name => "kms";

    public JsonNode Save(RangeState state) => JsonSerializer.SerializeToNode(state.SaveKms(), Options)!;

    public void Load(RangeState state, JsonNode node) =>
        state.LoadKms(node.Deserialize<Dictionary<string, KmsRegion>>(Options)
            ?? throw new InvalidDataException("The kms state is empty."));
}
