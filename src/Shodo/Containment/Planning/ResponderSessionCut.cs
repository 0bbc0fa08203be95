using System.Globalization;
using Shodo.Containment.Plan;

namespace Shodo.Containment.Planning;

/// <summary>
/// The one way a plan may contain the role Shodo itself runs as: in a member account entered through the role the
/// attacker's sessions also used (OrganizationAccountAccessRole), Shodo's deny on that role with a cut-off at or before
/// the moment AWS issued Shodo's own session of it (AWS's "revoke active sessions": aws:TokenIssueTime before the cut-off).
/// Every session issued before it — the attacker's — is refused at once; Shodo's own, issued at the cut-off or later, is not.
/// The cut-off is AWS's clock (<see cref="Aws.Connection.AwsConnection.SessionIssuedAt"/>), never this machine's: a clock
/// ahead of AWS's would deny Shodo itself. <see cref="ResponderGuard"/> and the apply's own check allow nothing else.
/// </summary>
public sealed record ResponderSessionCut(string RoleName, DateTimeOffset IssuedBefore)
{
    /// <summary>The plan parameter of attach-deny-policy that carries the cut-off (ISO 8601, to the second).</summary>
    public const string Parameter = "issuedBefore";

    /// <summary>Whether this cut spares Shodo's own session of <paramref name="roleName"/>, issued (by AWS) at <paramref name="ownIssuedAt"/>.</summary>
    public bool Spares(string roleName, DateTimeOffset? ownIssuedAt) =>
        RoleName == roleName && ownIssuedAt is { } own && IssuedBefore <= own;

    /// <summary>The cut-off a planned action carries, or null (today's "now", taken when the change is sent).</summary>
    public static DateTimeOffset? Of(PlannedAction a) =>
        (string?)a.Parameters[Parameter] is { } text
            ? DateTimeOffset.Parse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal)
            : null;

    /// <summary>The cut-off as the plan and the policy write it.</summary>
    public static string Format(DateTimeOffset t) => t.ToUniversalTime().ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture);

    /// <summary>
    /// Whether everything <paramref name="plan"/> does to the role Shodo runs as is this cut, sparing Shodo's own session
    /// (issued at <paramref name="ownIssuedAt"/>): only attach-deny-policy, each with a cut-off at or before it.
    /// </summary>
    public static bool OnlyCut(ContainmentPlan plan, string roleName, DateTimeOffset? ownIssuedAt)
    {
        var onRole = plan.Actions.Where(a => a.Target.Kind == TargetKinds.Role && a.Target.Id == roleName).ToList();
        return ownIssuedAt is { } own && onRole.All(a => a.Action == "attach-deny-policy" && Of(a) is { } cut && cut <= own);
    }
}
