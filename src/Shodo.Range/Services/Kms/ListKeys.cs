using System.Text.Json.Nodes;
using Shodo.Range.Serving;

namespace Shodo.Range.Services.Kms;

/// <summary>ListKeys: every key of the region (id and ARN), paged by Limit and Marker.</summary>
internal sealed class ListKeys : KmsAction
{
    public override string Name => "ListKeys";

    public override JsonObject Handle(AwsCall call, JsonObject input)
    {
        var (start, limit) = KmsJson.Page(input);
        var keys = call.State.Kms(call.Region).Keys
            .Select(k => (JsonNode)new JsonObject { ["KeyId"] = k.KeyId, ["KeyArn"] = k.Arn }).ToList();
        return KmsJson.Paged("Keys", keys, start, limit);
    }
}
