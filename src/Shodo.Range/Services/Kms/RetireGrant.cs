using System.Text.Json.Nodes;
using Shodo.Range.Serving;
using Shodo.Range.State.Kms;

namespace Shodo.Range.Services.Kms;

/// <summary>
/// RetireGrant: deletes a grant named by its token, or by the key's ARN and the grant's id. Permission comes from the grant:
/// its retiring principal, its grantee when the grant allows RetireGrant, or the account that issued it.
/// </summary>
internal sealed class RetireGrant : KmsAction
{
    public override string Name => "RetireGrant";

    public override JsonObject Handle(AwsCall call, JsonObject input)
    {
        var token = KmsJson.String(input, "GrantToken");
        var keyId = KmsJson.String(input, "KeyId");
        var grantId = KmsJson.String(input, "GrantId");
        KmsKey key;
        KmsGrant grant;
        if (token is not null)
        {
            (key, grant) = call.State.Kms(call.Region).Keys.SelectMany(k => k.Grants.Select(g => (k, g)))
                .FirstOrDefault(p => p.g.GrantToken == token) is ({ } k, { } g) ? (k, g)
                : throw new AwsError("InvalidGrantTokenException", "Grant token is not valid.");
        }
        else
        {
            if (keyId is null || grantId is null)
                throw new AwsError("ValidationException", "Either GrantToken, or both KeyId and GrantId, must be specified.");
            if (!keyId.StartsWith("arn:", StringComparison.Ordinal))
                throw new AwsError("InvalidArnException", $"KeyId must be a key ARN when retiring a grant by its id: {keyId}");
            key = KmsJson.Key(call, keyId, keyPolicyDecides: false);
            grant = key.Grants.FirstOrDefault(g => g.GrantId == grantId)
                    ?? throw new AwsError("InvalidGrantIdException", $"Grant ID {grantId} is not valid for key {key.Arn}");
        }
        KmsJson.Usable(key);
        if (!MayRetire(call, grant))
            throw new AwsError("AccessDeniedException", $"User: {call.Caller.Arn} is not authorized to retire grant {grant.GrantId}");
        key.Grants.Remove(grant);
        return new JsonObject();
    }

    private static bool MayRetire(AwsCall call, KmsGrant grant) =>
        grant.IssuingAccount == $"arn:{call.Request.Partition}:iam::{call.Caller.AccountId}:root"
        || grant.RetiringPrincipal == call.Caller.Arn
        || (grant.GranteePrincipal == call.Caller.Arn && grant.Operations.Contains("RetireGrant"));
}
