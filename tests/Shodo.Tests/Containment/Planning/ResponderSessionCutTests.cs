using System.Text.Json.Nodes;
using Shodo.Aws.Connection;
using Shodo.Containment;
using Shodo.Containment.Plan;
using Shodo.Containment.Planning;
using Shodo.Diagnostics;
using Shodo.Investigation.Model;

namespace Shodo.Tests.Containment.Planning;

/// <summary>
/// The responder guard (issue 21): the role Shodo runs as in a member may be denied only for sessions issued at or before
/// Shodo's own session's issue time (AWS's clock); every other way of containing Shodo's own principal is still refused,
/// at planning (<see cref="ResponderGuard"/>) and at apply (<see cref="ResponderSessionCut.OnlyCut"/>).
/// </summary>
public sealed class ResponderSessionCutTests
{
    private const string Role = "OrganizationAccountAccessRole";
    private static readonly CallerIdentity Me = new("311122223335", $"arn:aws:sts::311122223335:assumed-role/{Role}/shodo-case", "AROA:shodo-case");
    private static readonly DateTimeOffset Own = new(2026, 12, 7, 8, 0, 5, TimeSpan.Zero);

    private static AttackerIdentity RoleIdentity() => new()
    {
        Id = $"role:{Role}", Kind = IdentityKind.Role, Name = Role, Confidence = Confidence.Confirmed, Reason = "assumed by the attacker",
    };

    private static void Check(ResponderSessionCut? cut, DateTimeOffset? own, string? callerKey = null, params AttackerIdentity[] identities) =>
        ResponderGuard.Check(Me, callerKey, identities.Length == 0 ? [RoleIdentity()] : identities, [], cut, own);

    [Fact]
    public void The_role_shodo_runs_as_may_be_cut_for_sessions_issued_at_or_before_shodos_own_only()
    {
        Check(new ResponderSessionCut(Role, Own), Own);
        Check(new ResponderSessionCut(Role, Own.AddSeconds(-30)), Own);
        Assert.Equal(ExitCode.Refused, Assert.Throws<ShodoException>(() => Check(null, Own)).Diagnostic.Code);
        // A cut-off after Shodo's own session would deny Shodo itself; one whose own issue time is not known, too.
        Assert.Equal(ExitCode.Refused, Assert.Throws<ShodoException>(() => Check(new ResponderSessionCut(Role, Own.AddSeconds(1)), Own)).Diagnostic.Code);
        Assert.Equal(ExitCode.Refused, Assert.Throws<ShodoException>(() => Check(new ResponderSessionCut(Role, Own), null)).Diagnostic.Code);
        Assert.Equal(ExitCode.Refused, Assert.Throws<ShodoException>(() => Check(new ResponderSessionCut("OtherRole", Own), Own)).Diagnostic.Code);
    }

    [Fact]
    public void A_cut_does_not_let_a_plan_touch_shodos_own_session_or_key()
    {
        var cut = new ResponderSessionCut(Role, Own);
        var mine = new AttackerIdentity
        {
            Id = "session-key:ASIAOWN", Kind = IdentityKind.SessionKey, Name = "ASIAOWN", AccessKeyId = "ASIAOWN", Owner = Role,
            Arn = Me.Arn, Confidence = Confidence.Confirmed, Reason = "x",
        };
        Assert.Throws<ShodoException>(() => Check(cut, Own, identities: mine));
        Assert.Throws<ShodoException>(() => Check(cut, Own, "ASIAOWN", mine with { Arn = $"arn:aws:sts::311122223335:assumed-role/{Role}/other" }));
    }

    private static PlannedAction Action(string action, DateTimeOffset? cut) => new()
    {
        Id = $"{action}/iam-role:global:{Role}", Action = action, Target = new ContainmentTarget(TargetKinds.Role, Role, null), Reason = "r",
        ExpectedAfter = "", Reversible = true, Reverse = "", Authority = AuthorityLevel.Responder, Phase = 1, Step = 0,
        Parameters = cut is { } c ? new JsonObject { [ResponderSessionCut.Parameter] = ResponderSessionCut.Format(c) } : [],
    };

    private static ContainmentPlan Plan(params PlannedAction[] actions) => new()
    {
        CaseId = "c", AccountId = Me.Account, PlannedAt = Own, PlannedBy = Me.Arn, Actions = actions,
        Attackers = new PlanIdentities { RoleNames = [Role] }, Baseline = new PlanBaseline(),
    };

    [Fact]
    public void Apply_allows_on_shodos_own_role_exactly_the_deny_with_a_cut_off_at_or_before_shodos_session()
    {
        Assert.True(ResponderSessionCut.OnlyCut(Plan(Action("attach-deny-policy", Own)), Role, Own));
        Assert.False(ResponderSessionCut.OnlyCut(Plan(Action("attach-deny-policy", Own.AddSeconds(1))), Role, Own));
        Assert.False(ResponderSessionCut.OnlyCut(Plan(Action("attach-deny-policy", null)), Role, Own));
        Assert.False(ResponderSessionCut.OnlyCut(Plan(Action("attach-deny-policy", Own)), Role, null));
        Assert.False(ResponderSessionCut.OnlyCut(Plan(Action("attach-deny-policy", Own), Action("tag-resource", Own)), Role, Own));
        // The cut-off as the plan writes it, to the second, read back the same.
        Assert.Equal(Own, ResponderSessionCut.Of(Action("attach-deny-policy", Own)));
    }
}
