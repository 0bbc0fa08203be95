using System.Text.Json.Nodes;
using Shodo.Range.Serving;
using static Shodo.Range.Services.Ram.RamJson;

namespace Shodo.Range.Services.Ram;

/// <summary>AssociateResourceShare: adds resources and principals to an existing share (validated as at creation).</summary>
internal sealed class AssociateResourceShare : JsonAction
{
    public override string Name => "AssociateResourceShare";

    public override JsonObject Handle(AwsCall call, JsonObject input)
    {
        var share = Share(call, String(input, "resourceShareArn") ?? throw InvalidParameter("resourceShareArn is required."));
        var added = Associate(call, share, Strings(input, "resourceArns"), Strings(input, "principals"));
        var output = new JsonObject
        {
            ["resourceShareAssociations"] = new JsonArray(added.Select(a => (JsonNode)Render(share, a)).ToArray()),
        };
        if (String(input, "clientToken") is { } token) output["clientToken"] = token;
        return output;
    }
}
