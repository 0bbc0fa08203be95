using System.Text.Json.Nodes;

namespace Shodo.Aws.Policy;

/// <summary>
/// What a responder needs across an AWS Organization (issue 21): in the management account, everything
/// <see cref="ResponderPolicy"/> grants (that account is responded in too, and its Organizations reads and the SCP lever are
/// there) plus <c>sts:AssumeRole</c> on the member role in every account; in each member account, the member role's
/// permissions — the same reads and containment changes without Organizations, which a member cannot use (but
/// DescribeOrganization) — and its trust policy, which lets the management account assume it.
/// </summary>
public static class OrganizationResponderPolicy
{
    /// <summary>The member role Shodo's documentation asks for in each member account (respond's <c>--member-role-name</c> default).</summary>
    public const string DefaultMemberRoleName = "ShodoResponder";

    /// <summary>Stands for the management account's id in the trust policy when it is not given.</summary>
    public const string ManagementAccountPlaceholder = "MANAGEMENT_ACCOUNT_ID";

    /// <summary>The only Organizations action a member account may call.</summary>
    public const string MemberOrganizationsRead = "organizations:DescribeOrganization";

    public static JsonObject Management(string memberRoleName) => Document(
        Statement("ShodoCollectAndInvestigate", ResponderPolicy.ReadActions),
        Statement("ShodoContainWithoutDeleting", ResponderPolicy.ContainmentActions),
        Statement("ShodoEnterMemberAccounts", ["sts:AssumeRole"], $"arn:aws:iam::*:role/{memberRoleName}"));

    public static JsonObject MemberPermissions() => Document(
        Statement("ShodoCollectAndInvestigate", ResponderPolicy.ReadActions.Where(InMember)),
        Statement("ShodoContainWithoutDeleting", ResponderPolicy.ContainmentActions.Where(InMember)));

    public static JsonObject MemberTrust(string? managementAccountId) => new()
    {
        ["Version"] = "2012-10-17",
        ["Statement"] = new JsonArray(new JsonObject
        {
            ["Sid"] = "ShodoFromTheManagementAccount",
            ["Effect"] = "Allow",
            ["Principal"] = new JsonObject { ["AWS"] = $"arn:aws:iam::{managementAccountId ?? ManagementAccountPlaceholder}:root" },
            ["Action"] = "sts:AssumeRole",
        }),
    };

    private static bool InMember(string action) =>
        !action.StartsWith("organizations:", StringComparison.Ordinal) || action == MemberOrganizationsRead;

    private static JsonObject Document(params JsonObject[] statements) => new()
    {
        ["Version"] = "2012-10-17",
        ["Statement"] = new JsonArray(statements.Select(s => (JsonNode)s).ToArray()),
    };

    private static JsonObject Statement(string sid, IEnumerable<string> actions, string resource = "*") => new()
    {
        ["Sid"] = sid,
        ["Effect"] = "Allow",
        ["Action"] = new JsonArray(actions.Select(a => (JsonNode)a!).ToArray()),
        ["Resource"] = resource,
    };
}
