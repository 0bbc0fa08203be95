using System.Globalization;
using System.Text.Json.Nodes;
using Shodo.Localization;

namespace Shodo.Containment.Actions;

/// <summary>
/// Roles only AWS can modify: IAM Identity Center's (<c>AWSReservedSSO_*</c>, path <c>/aws-reserved/sso.amazonaws.com/</c>)
/// and service-linked roles (path <c>/aws-service-role/</c>). IAM refuses every policy on them (UnmodifiableEntity), so
/// no identity policy contains a session of one. What can: a service control policy from the organisation's management
/// account denying the role's sessions issued before now, or (Identity Center) removing the permission set's assignment.
/// Both are a person's decision; this says which, with the exact policy text and commands.
/// </summary>
public static class ProtectedRole
{
    public const string IdentityCenter = "identity-center";
    public const string ServiceLinked = "service-linked";
    public const string RefusedCode = "UnmodifiableEntity";

    /// <summary>Which kind of protected role this is, from its path (and Identity Center's name prefix), or null.</summary>
    public static string? KindOf(string name, string? path) =>
        path?.StartsWith("/aws-reserved/sso.amazonaws.com/", StringComparison.Ordinal) == true
        || (path is null && name.StartsWith("AWSReservedSSO_", StringComparison.Ordinal)) ? IdentityCenter
        : path?.StartsWith("/aws-service-role/", StringComparison.Ordinal) == true ? ServiceLinked
        : null;

    /// <summary>The SCP that stops the role's sessions issued before <paramref name="issuedBefore"/> (JSON, one line).</summary>
    public static string Scp(string roleArn, DateTimeOffset issuedBefore) => new JsonObject
    {
        ["Version"] = "2012-10-17",
        ["Statement"] = new JsonArray(new JsonObject
        {
            ["Sid"] = "ShodoDenySessionsOfProtectedRole", ["Effect"] = "Deny", ["Action"] = "*", ["Resource"] = "*",
            ["Condition"] = new JsonObject
            {
                ["ArnEquals"] = new JsonObject { ["aws:PrincipalArn"] = roleArn },
                ["DateLessThan"] = new JsonObject
                {
                    ["aws:TokenIssueTime"] = issuedBefore.ToUniversalTime().ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture),
                },
            },
        }),
    }.ToJsonString();

    /// <summary>The decision, in one paragraph: why no policy fits, the SCP (text and commands) and, for Identity Center, the assignment.</summary>
    public static string Decision(string roleName, string kind, string roleArn, DateTimeOffset issuedBefore, string caseId)
    {
        var account = roleArn.Split(':') is { Length: > 4 } parts ? parts[4] : "ACCOUNT_ID";
        var scp = Scp(roleArn, issuedBefore);
        return kind == IdentityCenter
            ? Messages.Get("ContainProtectedRoleIdentityCenter", roleName, account, scp, caseId)
            : Messages.Get("ContainProtectedRoleServiceLinked", roleName, account, scp, caseId);
    }
}
