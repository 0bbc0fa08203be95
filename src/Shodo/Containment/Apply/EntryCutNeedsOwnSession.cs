using Shodo.Aws.Connection;
using Shodo.Containment.Plan;
using Shodo.Containment.Planning;
using Shodo.Diagnostics;
using Shodo.Localization;

namespace Shodo.Containment.Apply;

/// <summary>
/// A member's plan that cuts the role Shodo runs as for sessions issued before Shodo's own (<see cref="ResponderSessionCut"/>),
/// applied with a session of that role Shodo did not assume itself (a profile's <c>role_arn</c>, keys exported from
/// <c>aws sts assume-role</c>): when AWS issued that session is not known, so the cut could deny it. Refused before anything
/// is journaled or sent, with the one thing to do: pass <c>--role-arn</c>, so Shodo assumes the role and knows (usage, exit 2).
/// </summary>
public static class EntryCutNeedsOwnSession
{
    public static void Check(ContainmentPlan plan, CallerIdentity me, string kind, string name, DateTimeOffset? ownIssuedAt)
    {
        if (ownIssuedAt is not null || kind != "assumed-role" || !plan.Attackers.RoleNames.Contains(name)) return;
        var onRole = plan.Actions.Where(a => a.Target.Kind == TargetKinds.Role && a.Target.Id == name).ToList();
        var cuts = onRole.Select(ResponderSessionCut.Of).ToList();
        // Only the cut (any other change to Shodo's own role is the guard's plain refusal).
        if (onRole.Count == 0 || !ResponderSessionCut.OnlyCut(plan, name, DateTimeOffset.MaxValue)) return;
        var partition = me.Arn.Split(':') is { Length: > 1 } parts ? parts[1] : "aws";
        throw new ShodoException(new Diagnostic(ExitCode.Usage, Messages.Get("ContainEntryCutNeedsOwnSession", name,
            ResponderSessionCut.Format(cuts.Max()!.Value), $"arn:{partition}:iam::{me.Account}:role/{name}")));
    }
}
