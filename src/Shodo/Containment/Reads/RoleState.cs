using System.Text.Json.Nodes;
using Shodo.Aws.Iam.Calls;

namespace Shodo.Containment.Reads;

/// <summary>An IAM role as containment sees it: whether it exists (RoleId), its path (a protected role's tells), Shodo's inline policy on it, and whether AWSDenyAll is attached.</summary>
public static class RoleState
{
    public static async Task<JsonObject> ReadAsync(ContainmentContext context, string roleName, CancellationToken ct)
    {
        var iam = context.Aws.Iam();
        var role = await iam.FindAsync(new GetRole(roleName), ct).ConfigureAwait(false);
        if (role is null) return new JsonObject { ["exists"] = false, ["roleName"] = roleName };
        var inline = await iam.FindAsync(new GetRolePolicy(roleName, ContainmentTags.PolicyName(context.CaseId)), ct).ConfigureAwait(false);
        var attached = await iam.ListAllAsync(new ListAttachedRolePolicies(roleName), ct).ConfigureAwait(false);
        return new JsonObject
        {
            ["exists"] = true, ["roleName"] = role.RoleName, ["roleId"] = role.RoleId, ["arn"] = role.Arn, ["path"] = role.Path,
            ["shodoPolicy"] = inline?.Document,
            [DenyAllPolicy.StateField] = attached.Any(p => DenyAllPolicy.Is(p.PolicyArn)),
        };
    }
}
