using System.Text.Json.Nodes;
using Shodo.Aws.Errors;
using Shodo.Aws.Organizations;
using Shodo.Aws.Organizations.Calls;

namespace Shodo.Containment.Reads;

/// <summary>
/// A member account as the organisation lever sees it from the management account: the service control policies attached
/// to it (the before-state <c>deny-by-scp</c> changes), and the attacker's principals there the plan names
/// (<c>attackerUsers</c>, <c>attackerRoles</c>: ARNs in that account). An account no longer in the organisation does not exist.
/// </summary>
public static class OrganizationAccountState
{
    public static async Task<JsonObject> ReadAsync(ContainmentContext context, string accountId, IEnumerable<string> principalArns,
        CancellationToken ct)
    {
        var arns = principalArns.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        JsonObject state;
        try
        {
            var attached = await context.Aws.Json(OrganizationsOperations.Service).ListAllAsync(new ListPoliciesForTarget(accountId), ct)
                .ConfigureAwait(false);
            state = new JsonObject
            {
                ["exists"] = true, ["accountId"] = accountId,
                ["attached"] = new JsonArray(attached.Select(p => (JsonNode)new JsonObject { ["id"] = p.Id, ["name"] = p.Name }).ToArray()),
            };
        }
        catch (AwsServiceError e) when (e.Code == "TargetNotFoundException")
        {
            state = new JsonObject { ["exists"] = false, ["accountId"] = accountId };
        }
        state["attackerUsers"] = new JsonArray(arns.Where(a => a.Contains(":user/", StringComparison.Ordinal)).Select(a => (JsonNode)a).ToArray());
        state["attackerRoles"] = new JsonArray(arns.Where(a => a.Contains(":role/", StringComparison.Ordinal)).Select(a => (JsonNode)a).ToArray());
        return state;
    }
}
