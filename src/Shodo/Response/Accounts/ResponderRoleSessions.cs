using Shodo.Containment.Planning;
using Shodo.Investigation.Model;

namespace Shodo.Response.Accounts;

/// <summary>
/// In a member account entered through the very role the attacker used (<c>OrganizationAccountAccessRole</c>), the
/// attacker's sessions of that role cannot be cut by a policy on the role without cutting Shodo's own session too (and
/// the plan would refuse to touch the responder's role). They are left out of the member's plan — everything they
/// created is still contained — and named: the lever over them is the management account's SCP (deny-by-scp), and
/// they end within the hour their session lasts.
/// </summary>
public static class ResponderRoleSessions
{
    /// <summary>Whether an identity is a session (or the role itself) of <paramref name="roleName"/>.</summary>
    public static bool Of(AttackerIdentity i, string roleName) =>
        (i.Kind == IdentityKind.Role && i.Name == roleName)
        || (i.Kind == IdentityKind.SessionKey && (i.Owner == roleName || i.Arn?.Contains($":assumed-role/{roleName}/", StringComparison.Ordinal) == true));

    /// <summary>The investigation's planning input without the sessions of the role Shodo entered by.</summary>
    public static PlanningInput Without(PlanningInput input, string roleName) =>
        input with { Identities = input.Identities.Where(i => !Of(i, roleName)).ToList() };
}
