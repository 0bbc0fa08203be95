using System.Text.Json.Nodes;
using Shodo.Range.Serving;

namespace Shodo.Range.Services.Kms;

/// <summary>
/// RevokeGrant: deletes a grant of the key at once (a key administrator's call, authorized by kms:RevokeGrant). A grant
/// cannot be brought back: a new CreateGrant makes another grant with another id and token.
/// </summary>
internal sealed class RevokeGrant : KmsAction
{
    public override string Name => "RevokeGrant";

    public override JsonObject Handle(AwsCall call, JsonObject input)
    {
        var key = KmsJson.Key(call, KmsJson.Required(input, "KeyId"));
        var grantId = KmsJson.Required(input, "GrantId");
        KmsJson.Usable(key);
        var grant = key.Grants.FirstOrDefault(g => g.GrantId == grantId)
                    ?? throw new AwsError("NotFoundException", $"Grant ID {grantId} not found");
        key.Grants.Remove(grant);
        return new JsonObject();
    }
}
