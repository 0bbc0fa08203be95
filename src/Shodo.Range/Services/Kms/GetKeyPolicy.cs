using System.Text.Json.Nodes;
using Shodo.Range.Serving;

namespace Shodo.Range.Services.Kms;

/// <summary>GetKeyPolicy: the key's policy; "default" is the only policy name a key has.</summary>
internal sealed class GetKeyPolicy : KmsAction
{
    public override string Name => "GetKeyPolicy";

    public override JsonObject Handle(AwsCall call, JsonObject input)
    {
        var key = KmsJson.Key(call, KmsJson.Required(input, "KeyId"));
        var name = KmsJson.String(input, "PolicyName") ?? "default";
        if (name != "default") throw new AwsError("NotFoundException", $"No such policy exists: {name}");
        KmsJson.Usable(key);
        return new JsonObject { ["Policy"] = key.Policy, ["PolicyName"] = "default" };
    }
}
