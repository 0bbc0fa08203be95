using System.Text.Json.Nodes;
using Shodo.Aws.Iam.Calls;
using Shodo.Containment.Actions;

namespace Shodo.Containment.Reads;

/// <summary>An IAM role as containment sees it: whether it exists (RoleId), and Shodo's inline policy on it.</summary>
public static class RoleState
{
    public static async Task<JsonObject> ReadAsync(ContainmentContext context, string roleName, CancellationToken ct)
    {
        var iam = context.Aws.Iam();
        var role = await iam.FindAsync(new GetRole(roleName), ct).ConfigureAwait(false);
        if (role is null) return new JsonObject { ["exists"] = false, ["roleName"] = roleName };
        var inline = await iam.FindAsync(new GetRolePolicy(roleName, ContainmentTags.PolicyName(context.CaseId)), ct).ConfigureAwait(false);
        return new JsonObject
        {
            ["exists"] = true, ["roleName"] = role.RoleName, ["roleId"] = role.RoleId, ["arn"] = role.Arn,
            ["shodoPolicy"] = inline?.Document,
        };
    }
}
