using Microsoft.Extensions.Time.Testing;
using Shodo.Containment;
using Shodo.Containment.Apply;
using Shodo.Containment.Authority;
using Shodo.Response;
using Shodo.Response.Steps;

namespace Shodo.Tests.Response;

/// <summary>What containment leaves to people becomes waits naming who may act; a round that leaves nothing clears them.</summary>
public sealed class ContainWaitingTests
{
    private static ActionResult Action(string action, string instance, string outcome) =>
        new($"{action}/{instance}", action, new ContainmentTarget(TargetKinds.Instance, instance, "eu-west-1"), outcome, null);

    [Fact]
    public void Actions_beyond_authority_wait_for_the_named_approvers_and_decisions_for_a_person_until_a_round_clears_them()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.Parse("2026-11-28T14:23:00Z"));
        var progress = new RecordingProgress();
        var policy = new AuthorityPolicy(AuthorityPolicy.DefaultResponder, ["ciso", "head-of-security"]);
        var waiting = new ContainWaiting(progress, clock, policy, "2026-11-28T1423Z-k3x9q2");
        var sha = new string('a', 64);

        waiting.Applied(new ApplyResult([
            Action("isolate-instance", "i-1", Outcomes.PendingApproval), Action("isolate-instance", "i-2", Outcomes.PendingApproval),
            Action("stop-instance", "i-3", Outcomes.Done), Action("isolate-instance", "i-4", Outcomes.NeedsDecision)], null), sha);

        var approval = Assert.Single(progress.Waits, w => w.Id == ContainWaiting.ApprovalId);
        Assert.Equal(WaitingKind.Approval, approval.Kind);
        Assert.Equal("an approver (ciso, head-of-security)", approval.Whom);
        Assert.Contains("2 actions", approval.What);
        Assert.Contains("isolate-instance ×2", approval.What);
        Assert.Contains("shodo approve 2026-11-28T1423Z-k3x9q2 --plan aaaaaaaaaaaa", approval.What);
        var decision = Assert.Single(progress.Waits, w => w.Id == ContainWaiting.DecisionId);
        Assert.Equal(WaitingKind.Decision, decision.Kind);
        Assert.Contains("isolate-instance i-4", decision.What);

        clock.Advance(TimeSpan.FromMinutes(1));
        waiting.Applied(new ApplyResult([Action("isolate-instance", "i-1", Outcomes.Done), Action("isolate-instance", "i-4", Outcomes.NeedsDecision)], null), sha);
        Assert.Equal([ContainWaiting.ApprovalId], progress.Cleared.ToArray());
        Assert.Equal(DateTimeOffset.Parse("2026-11-28T14:23:00Z"), progress.Waits.Last().Since);
    }
}
