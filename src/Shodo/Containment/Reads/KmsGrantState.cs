using System.Text.Json.Nodes;
using Shodo.Aws.Errors;
using Shodo.Aws.Kms;
using Shodo.Aws.Kms.Calls;
using Shodo.Aws.Protocols;

namespace Shodo.Containment.Reads;

/// <summary>
/// A KMS grant as containment sees it (target id <c>KEY/GRANTID</c>): the grant exactly as ListGrants shows it (grantee,
/// retiring principal, operations, constraints, issuing account, creation date) — the before-state of a revocation, which
/// cannot be undone. A grant or key that is not there reads as <c>exists: false</c>.
/// </summary>
public static class KmsGrantState
{
    public static (string KeyId, string GrantId) Ids(ContainmentTarget t)
    {
        var slash = t.Id.LastIndexOf('/');
        return slash > 0 ? (t.Id[..slash], t.Id[(slash + 1)..]) : (t.Id, "");
    }

    public static async Task<JsonObject> ReadAsync(ContainmentContext context, ContainmentTarget t, CancellationToken ct)
    {
        var (keyId, grantId) = Ids(t);
        var state = new JsonObject { ["exists"] = false, ["keyId"] = keyId, ["grantId"] = grantId, ["region"] = t.Region };
        try
        {
            var page = await context.Aws.Json(KmsOperations.Service, t.Region).PageAsync(new ListGrants(keyId, grantId), null, 1, ct).ConfigureAwait(false);
            if (page.Items.FirstOrDefault(g => g.Text("GrantId") == grantId) is { ValueKind: System.Text.Json.JsonValueKind.Object } grant)
            {
                state["exists"] = true;
                state["grant"] = JsonNode.Parse(grant.GetRawText());
            }
        }
        catch (AwsServiceError e) when (e.Code is "InvalidGrantIdException" or "NotFoundException")
        {
        }
        return state;
    }
}
