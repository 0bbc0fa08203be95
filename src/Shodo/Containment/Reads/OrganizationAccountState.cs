using System.Text.Json.Nodes;
using Shodo.Aws.Errors;
using Shodo.Aws.Organizations;
using Shodo.Aws.Organizations.Calls;

namespace Shodo.Containment.Reads;

/// <summary>
/// A member account as the organisation lever sees it from the management account: the service control policies attached
/// to it (the before-state <c>deny-by-scp</c> changes), and the attacker's principals there the plan names
/// (<c>attackerUsers</c>, <c>attackerRoles</c>: ARNs in that account), with this case's own SCP when it is attached there
/// already (<c>policy</c>, as deny-by-scp reads it). An account no longer in the organisation does not exist.
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
            var org = context.Aws.Json(OrganizationsOperations.Service);
            var attached = await org.ListAllAsync(new ListPoliciesForTarget(accountId), ct).ConfigureAwait(false);
            state = new JsonObject
            {
                ["exists"] = true, ["accountId"] = accountId,
                ["attached"] = new JsonArray(attached.Select(p => (JsonNode)new JsonObject { ["id"] = p.Id, ["name"] = p.Name }).ToArray()),
            };
            // This case's SCP already attached there (an earlier plan's, e.g. the pursuit's): its content, so a later plan
            // sees whether it still names every principal (done) or must widen it.
            if (attached.FirstOrDefault(p => p.Name == Actions.DenyByScp.PolicyName(context.CaseId, accountId)) is { } ours)
                state["policy"] = new JsonObject
                {
                    ["id"] = ours.Id, ["attached"] = true,
                    ["content"] = (await org.SendAsync(new DescribePolicy(ours.Id), ct).ConfigureAwait(false)).Content,
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
