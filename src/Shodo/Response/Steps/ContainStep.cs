using Shodo.Containment.Record;
using Shodo.Containment;
using Shodo.Containment.Apply;
using Shodo.Containment.Authority;
using Shodo.Containment.Plan;
using Shodo.Containment.Planning;
using Shodo.Escalation.Notices;
using Shodo.Localization;

namespace Shodo.Response.Steps;

/// <summary>
/// Plans containment from the investigation, applies what is within the responder's authority
/// (everything else waits for <c>shodo approve</c>), verifies, and re-plans while verification finds
/// new resources attributed to the attacker, or AWS left a target unread or an action failed only because
/// it throttled, failed or did not answer — a bounded number of rounds, since a live attacker keeps launching until the last credential is cut.
/// Resumable when what is left is left only because AWS throttled, failed or did not answer.
/// </summary>
public sealed class ContainStep : IResponseStep
{
    public const int MaxRounds = 4;

    public const string StepName = "contain";

    public string Name => StepName;

    /// <summary>The watch's rounds: say a milestone only when this run changed something (it runs every half minute).</summary>
    public bool OnlyWhenChanged { get; init; }

    /// <summary>
    /// Verify after applying (and re-plan while verification finds more). Off for the pursuit's first pass, which only cuts
    /// the attacker's identities before their resources are read: the pass after it verifies everything.
    /// </summary>
    public bool Verify { get; init; } = true;

    /// <summary>What each round plans from; null: the investigation's documents (<see cref="PlanningInput.FromCase"/>).</summary>
    public Func<ResponseSession, PlanningInput>? Input { get; init; }

    /// <summary>The step its progress is shown under (the watch's looks show under the watch).</summary>
    public string? ShownAs { get; init; }

    public async Task<StepResult> RunAsync(ResponseSession session, CancellationToken ct)
    {
        var authority = AuthorityPolicy.From(session.Configuration);
        ApplyResult? last = null;
        var waiting = new ContainWaiting(session.Progress, session.Time, authority, session.Case.Manifest.Id);
        for (var round = 1; round <= MaxRounds; round++)
        {
            var (plan, sha) = await new Planner(session.Aws, session.Case, authority, session.Time).WriteAsync(ct, ContainmentInput.Of(session, Input)).ConfigureAwait(false);
            var open = plan.Actions.Count(a => !plan.AlreadyDone.Contains(a.Id));
            session.Progress.Note(ShownAs ?? Name, Messages.Get("RespondPlanned", round, open, sha[..12]));
            if (open > 0 && !session.Request.ApplyWithinAuthority && !await session.ConfirmAsync(plan, ct).ConfigureAwait(false))
            {
                waiting.PlanWaits(sha, open);
                if (!OnlyWhenChanged) // the watch asks again every look: the people were told once
                    await session.Milestones.NotifyAsync(Milestone.PlanAwaitingApproval, Messages.Get("RespondPlanWaits", open), ct).ConfigureAwait(false);
                return new StepResult(StepOutcome.Stopped, Messages.Get("RespondPlanWaitsDetail", session.Case.Manifest.Id, sha));
            }
            var recorder = new ContainmentRecorder(session.Case, ContainmentLedger.Read(session.Case));
            last = await new ContainmentApply(session.Aws, recorder, plan, sha, session.Time, new ApplyOptions
            {
                Verify = Verify,
                // Planned a moment ago and applied without a person's wait in between: no separate stale pass; each action
                // still refuses a target its own before-state read shows changed.
                FreshPlan = session.Request.ApplyWithinAuthority,
            }).RunAsync(ct).ConfigureAwait(false);
            var v = last.Verification;
            waiting.Applied(last, sha);
            session.Progress.Note(ShownAs ?? Name, Messages.Get("RespondApplied", Count(last, Outcomes.Done) + Count(last, Outcomes.AlreadyDone),
                Count(last, Outcomes.PendingApproval), Count(last, Outcomes.NeedsDecision), Count(last, Outcomes.Failed),
                v?.NewResources.Count ?? 0));
            if (plan.Unread.Count > 0)
                session.Progress.Note(ShownAs ?? Name, Messages.Get("RespondContainUnread", plan.Unread.Count, Scopes(plan.Unread)));
            // Again while the verification found more of the attacker's, or AWS left something to try again.
            if (!Verify || last.Contained || v is null || (v.NewResources.Count == 0 && !last.Resumable)) break;
            // A later round that found nothing to do only read again what the last verification saw (new resources nothing
            // attributes yet): another round would repeat it. The watch and the investigation look again with more events.
            if (round > 1 && open == 0 && plan.Unread.Count == 0) break;
        }
        var detail = Messages.Get("RespondContainDetail", Count(last!, Outcomes.Done) + Count(last!, Outcomes.AlreadyDone),
            Count(last!, Outcomes.PendingApproval) + Count(last!, Outcomes.NeedsDecision), Count(last!, Outcomes.Failed));
        var unread = last!.Unread.Concat(last.Verification?.Unread ?? []).ToList();
        if (unread.Count > 0) detail += "; " + Messages.Get("RespondContainUnread", unread.Count, Scopes(unread));
        if (Verify && (!OnlyWhenChanged || Count(last, Outcomes.Done) > 0)) // nothing verified: nothing to tell the people yet
            await session.Milestones.NotifyAsync(ContainedMilestone.For(last, session.Case.Folder), detail, ct).ConfigureAwait(false);
        return new StepResult(last.Contained ? StepOutcome.Done : StepOutcome.Incomplete, detail) { Resumable = !last.Contained && last.Resumable };
    }

    private static string Scopes(IReadOnlyList<UnreadItem> unread)
    {
        var list = unread.Select(u => u.Region is null || u.Scope.Contains(u.Region, StringComparison.Ordinal) ? u.Scope : $"{u.Scope} {u.Region}")
            .Distinct().ToList();
        return list.Count <= 3 ? string.Join(", ", list) : string.Join(", ", list.Take(3)) + $", … (+{list.Count - 3})";
    }

    private static int Count(ApplyResult result, string outcome) => result.Actions.Count(a => a.Outcome == outcome);
}
