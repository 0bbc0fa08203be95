using Shodo.Containment;
using Shodo.Containment.Apply;
using Shodo.Containment.Authority;
using Shodo.Containment.Plan;
using Shodo.Escalation.Notices;
using Shodo.Localization;

namespace Shodo.Response.Steps;

/// <summary>
/// Plans containment from the investigation, applies what is within the responder's authority
/// (everything else waits for <c>shodo approve</c>), verifies, and re-plans while verification finds
/// new resources attributed to the attacker — a bounded number of rounds, since a live attacker
/// keeps launching until the last credential is cut.
/// </summary>
public sealed class ContainStep : IResponseStep
{
    public const int MaxRounds = 4;

    public const string StepName = "contain";

    public string Name => StepName;

    public async Task<StepResult> RunAsync(ResponseSession session, CancellationToken ct)
    {
        var authority = AuthorityPolicy.From(session.Configuration);
        ApplyResult? last = null;
        var waiting = new ContainWaiting(session.Progress, session.Time, authority, session.Case.Manifest.Id);
        for (var round = 1; round <= MaxRounds; round++)
        {
            var (plan, sha) = await new Planner(session.Aws, session.Case, authority, session.Time).WriteAsync(ct).ConfigureAwait(false);
            var open = plan.Actions.Count(a => !plan.AlreadyDone.Contains(a.Id));
            session.Progress.Note(Name, Messages.Get("RespondPlanned", round, open, sha[..12]));
            if (!session.Request.ApplyWithinAuthority && !await session.ConfirmAsync(plan, ct).ConfigureAwait(false))
            {
                waiting.PlanWaits(sha, open);
                await session.Milestones.NotifyAsync(Milestone.PlanAwaitingApproval, Messages.Get("RespondPlanWaits", open), ct).ConfigureAwait(false);
                return new StepResult(StepOutcome.Stopped, Messages.Get("RespondPlanWaitsDetail", session.Case.Manifest.Id, sha));
            }
            var recorder = new ContainmentRecorder(session.Case, ContainmentLedger.Read(session.Case.Directory));
            last = await new ContainmentApply(session.Aws, recorder, plan, sha, session.Time, new ApplyOptions()).RunAsync(ct).ConfigureAwait(false);
            var v = last.Verification;
            waiting.Applied(last, sha);
            session.Progress.Note(Name, Messages.Get("RespondApplied", Count(last, Outcomes.Done) + Count(last, Outcomes.AlreadyDone),
                Count(last, Outcomes.PendingApproval), Count(last, Outcomes.NeedsDecision), Count(last, Outcomes.Failed),
                v?.NewResources.Count ?? 0));
            if (last.Contained || v is null || v.NewResources.Count == 0) break;
        }
        var detail = Messages.Get("RespondContainDetail", Count(last!, Outcomes.Done) + Count(last!, Outcomes.AlreadyDone),
            Count(last!, Outcomes.PendingApproval) + Count(last!, Outcomes.NeedsDecision), Count(last!, Outcomes.Failed));
        await session.Milestones.NotifyAsync(last!.Contained ? Milestone.Contained : Milestone.NotContained, detail, ct).ConfigureAwait(false);
        return new StepResult(last.Contained ? StepOutcome.Done : StepOutcome.Incomplete, detail);
    }

    private static int Count(ApplyResult result, string outcome) => result.Actions.Count(a => a.Outcome == outcome);
}
