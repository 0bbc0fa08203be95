using System.Text.Json;
using System.Text.Json.Nodes;

namespace Shodo.Range.State.S3;

/// <summary>S3 Control in the state file: the account's Block Public Access (<c>publicAccessBlock</c>, null when none is set).</summary>
public sealed class S3ControlStatePart : IStatePart
{
    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web);

    public string Name => "s3control";

    public JsonNode Save(RangeState state) =>
        new JsonObject { ["publicAccessBlock"] = JsonSerializer.SerializeToNode(state.AccountPublicAccessBlock, Options) };

    public void Load(RangeState state, JsonNode node) =>
        state.AccountPublicAccessBlock = node["publicAccessBlock"]?.Deserialize<S3PublicAccessBlock>(Options);
}
