using Shodo.Containment.Planning;
using Shodo.Investigation.Model;

namespace Shodo.Response.Accounts;

/// <summary>
/// In a member account entered through the very role the attacker used (<c>OrganizationAccountAccessRole</c>), a deny on
/// that role for sessions issued "before now" would cut Shodo's own session too. The role is instead denied for sessions
/// issued before Shodo's own, by AWS's clock (<see cref="ResponderSessionCut"/>): the attacker's are cut at once. Where
/// Shodo's own session's issue time is not known, the role's sessions are left out of the plan as before. The sessions not
/// shown cut are named: the lever over them is the management account's SCP (deny-by-scp), or their expiry.
/// </summary>
public static class ResponderRoleSessions
{
    /// <summary>Whether an identity is a session (or the role itself) of <paramref name="roleName"/>.</summary>
    public static bool Of(AttackerIdentity i, string roleName) =>
        (i.Kind == IdentityKind.Role && i.Name == roleName)
        || (i.Kind == IdentityKind.SessionKey && (i.Owner == roleName || i.Arn?.Contains($":assumed-role/{roleName}/", StringComparison.Ordinal) == true));

    /// <summary>
    /// The investigation's planning input with the role Shodo entered by cut only for sessions issued before Shodo's own,
    /// issued at <paramref name="ownIssuedAt"/> by AWS's clock (<see cref="ResponderSessionCut"/>); without that role's sessions
    /// when that time is not known.
    /// </summary>
    public static PlanningInput CutBefore(PlanningInput input, string roleName, DateTimeOffset? ownIssuedAt) =>
        ownIssuedAt is { } own ? input with { ResponderSession = new ResponderSessionCut(roleName, own) } : Without(input, roleName);

    /// <summary>
    /// The attacker's session keys of <paramref name="roleName"/> still left to the organisation's SCP: all of them, unless
    /// the deny cutting the role before Shodo's own session (issued at <paramref name="cut"/>) is done in <paramref name="sub"/>;
    /// then only those first seen at or after the cut-off (issued after Shodo's own, or when is not known: not shown cut).
    /// </summary>
    public static IReadOnlyList<string> LeftToScp(Cases.Case sub, IEnumerable<AttackerIdentity> identities, string roleName, DateTimeOffset? cut)
    {
        var deny = $"attach-deny-policy/{new Containment.ContainmentTarget(Containment.TargetKinds.Role, roleName, null).Key}";
        var cutDone = cut is not null && Containment.Record.ContainmentLedger.Read(sub).LastOutcome(deny) is Containment.Outcomes.Done or Containment.Outcomes.AlreadyDone;
        return identities
            .Where(i => i.Confidence == Confidence.Confirmed && i.Kind == IdentityKind.SessionKey && Of(i, roleName))
            .Where(i => !cutDone || i.FirstSeen is not { } seen || seen >= cut)
            .Select(i => i.AccessKeyId ?? i.Name).Distinct().ToList();
    }

    /// <summary>The investigation's planning input without the sessions of the role Shodo entered by.</summary>
    public static PlanningInput Without(PlanningInput input, string roleName) =>
        input with { Identities = input.Identities.Where(i => !Of(i, roleName)).ToList() };
}
