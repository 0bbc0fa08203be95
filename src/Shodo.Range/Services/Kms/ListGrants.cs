using System.Text.Json.Nodes;
using Shodo.Range.Serving;

namespace Shodo.Range.Services.Kms;

/// <summary>ListGrants: the key's grants (optionally one GrantId, or one GranteePrincipal's), paged by Limit and Marker.</summary>
internal sealed class ListGrants : KmsAction
{
    public override string Name => "ListGrants";

    public override JsonObject Handle(AwsCall call, JsonObject input)
    {
        var key = KmsJson.Key(call, KmsJson.Required(input, "KeyId"));
        var (start, limit) = KmsJson.Page(input);
        KmsJson.Usable(key);
        var grantId = KmsJson.String(input, "GrantId");
        if (grantId is not null && key.Grants.All(g => g.GrantId != grantId))
            throw new AwsError("InvalidGrantIdException", $"Grant ID {grantId} is not valid for key {key.Arn}");
        var grantee = KmsJson.String(input, "GranteePrincipal");
        var grants = key.Grants
            .Where(g => grantId is null || g.GrantId == grantId)
            .Where(g => grantee is null || g.GranteePrincipal == grantee)
            .Select(g => (JsonNode)KmsJson.Grant(key, g)).ToList();
        return KmsJson.Paged("Grants", grants, start, limit);
    }
}
