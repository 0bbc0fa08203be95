using System.Text.Json;
using System.Text.Json.Nodes;

namespace Shodo.Range.State.Iam;

/// <summary>IAM and STS state in the state file (secrets included: the file restores working keys).</summary>
public sealed class IamStatePart : IStatePart
{
    internal static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    public string Name => "iam";

    public JsonNode Save(RangeState state) => JsonSerializer.SerializeToNode(state.Iam, Options)!;

    public void Load(RangeState state, JsonNode node)
    {
        var loaded = node.Deserialize<IamAccount>(Options) ?? new IamAccount();
        state.Iam = loaded.WithIamComparers();
    }
}
