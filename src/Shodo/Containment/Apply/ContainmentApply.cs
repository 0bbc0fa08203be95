using Shodo.Aws.Resilience;
using System.Text.Json.Nodes;
using Shodo.Aws;
using Shodo.Aws.Connection;
using Shodo.Aws.Errors;
using Shodo.Containment.Record;
using Shodo.Containment.Actions;
using Shodo.Containment.Authority;
using Shodo.Containment.Plan;
using Shodo.Containment.Planning;
using Shodo.Containment.Verify;
using Shodo.Diagnostics;
using Shodo.Localization;

namespace Shodo.Containment.Apply;

/// <summary>
/// Applies a plan. For each action: journal the before-state (on disk) → send the change through the
/// interlock, journaling each call → re-read until the after-state holds (bounded) → journal the
/// outcome. Identities first (deny policies and keys together), then instances and what relaunches them;
/// regions and targets in parallel, each target's steps in order (the actions of one step together). Resumable: the journal says which
/// steps are done, and every action reads before it changes, so a re-run after a crash at any point
/// finishes the plan without sending a change twice. Refuses a stale plan. Ends with verification.
/// </summary>
public sealed class ContainmentApply(AwsConnection aws, ContainmentRecorder recorder, ContainmentPlan plan, string planSha256,
    TimeProvider time, ApplyOptions options)
{
    private readonly SemaphoreSlim _slots = new(Math.Max(1, options.Parallelism));
    private ContainmentContext? _context;

    public async Task<ApplyResult> RunAsync(CancellationToken ct)
    {
        if (recorder.Ledger.PlanSha256 != planSha256)
            throw new ShodoException(new Diagnostic(ExitCode.Usage, Messages.Get("ContainPlanNotCurrent", planSha256, recorder.Ledger.PlanSha256 ?? "-")));
        var me = options.Responder ?? await TransientRetry.RunAsync(() => aws.WhoAmIAsync(ct), time, ct).ConfigureAwait(false);
        var callerKey = (await aws.Credentials.GetCredentialsAsync().ConfigureAwait(false)).AccessKey;
        CheckResponder(me, callerKey);
        _context = new ContainmentContext(aws, plan.CaseId, time, JournalChangeAsync);

        var actions = plan.Actions.Where(a => options.Only is null || options.Only.Contains(a.Id)).ToList();
        if (!options.FreshPlan) await RefuseIfStaleAsync(actions, ct).ConfigureAwait(false);

        var results = new System.Collections.Concurrent.ConcurrentBag<ActionResult>();
        async Task Chain(IEnumerable<PlannedAction> chain)
        {
            await _slots.WaitAsync(ct).ConfigureAwait(false);
            try
            {
                // A target's steps in order; the actions of one step (a tag, a snapshot, a protection: none reads what another
                // changes) together.
                foreach (var step in chain.GroupBy(a => a.Step).OrderBy(g => g.Key))
                    foreach (var r in await Task.WhenAll(step.Select(a => RunActionAsync(a, ct))).ConfigureAwait(false)) results.Add(r);
            }
            finally { _slots.Release(); }
        }
        Task Chains(IEnumerable<PlannedAction> phase) =>
            Task.WhenAll(phase.GroupBy(a => a.Target.Key).Select(g => Chain(g)));

        await Chains(actions.Where(a => a.Phase == 1)).ConfigureAwait(false);
        await Chains(actions.Where(a => a.Phase == 2)).ConfigureAwait(false);
        await Task.WhenAll(actions.Where(a => a.Phase >= 3).GroupBy(a => a.Target.Region ?? "").Select(async region =>
        {
            await Chains(region.Where(a => a.Phase == 3)).ConfigureAwait(false);
            await Chains(region.Where(a => a.Phase >= 4)).ConfigureAwait(false);
        })).ConfigureAwait(false);

        var verification = options.Verify
            ? await new Verifier(aws, recorder, plan, planSha256, time, options.StuckStoppingAfter).RunAsync(ct).ConfigureAwait(false)
            : null;
        var ordered = results.OrderBy(r => actions.FindIndex(a => a.Id == r.ActionId)).ToList();
        return new ApplyResult(ordered, verification) { Unread = plan.Unread };
    }

    private void CheckResponder(CallerIdentity me, string? callerKey)
    {
        var (kind, name) = ResponderGuard.Principal(me.Arn);
        EntryCutNeedsOwnSession.Check(plan, me, kind, name, aws.SessionIssuedAt);
        var hit = (kind == "user" && plan.Attackers.UserNames.Contains(name))
                  || (kind == "assumed-role" && plan.Attackers.RoleNames.Contains(name) && !ResponderSessionCut.OnlyCut(plan, name, aws.SessionIssuedAt))
                  || (callerKey is not null && plan.Attackers.AccessKeyIds.Contains(callerKey));
        if (hit)
            throw new ShodoException(new Diagnostic(ExitCode.Refused, Messages.Get("ContainResponderCompromised", me.Arn, name)));
    }

    private async Task RefuseIfStaleAsync(IReadOnlyList<PlannedAction> actions, CancellationToken ct)
    {
        var firstPerTarget = actions.Where(a => !recorder.Ledger.IsFinal(a.Id)).GroupBy(a => a.Target.Key).Select(g => g.First()).ToList();
        var stale = await Task.WhenAll(firstPerTarget.Select(async a =>
        {
            await _slots.WaitAsync(ct).ConfigureAwait(false);
            try
            {
                var action = ActionRegistry.Get(a.Action);
                try
                {
                    var state = await TransientRetry.RunAsync(() => action.ReadAsync(_context!, a, ct), time, ct).ConfigureAwait(false);
                    return action.Stale(a, state);
                }
                catch (AwsServiceError)
                {
                    return null; // unreadable now: the action itself reads again and records why it failed
                }
            }
            finally { _slots.Release(); }
        })).ConfigureAwait(false);
        var reasons = stale.OfType<string>().ToList();
        if (reasons.Count > 0)
            throw new ShodoException(new Diagnostic(ExitCode.Usage,
                Messages.Get("ContainPlanStale", reasons.Count, string.Join("; ", reasons.Take(5)))));
    }

    private async Task<ActionResult> RunActionAsync(PlannedAction a, CancellationToken ct)
    {
        ActionResult Result(string outcome, string? reason) => new(a.Id, a.Action, a.Target, outcome, reason);
        if (recorder.Ledger.LastOutcome(a.Id) is { } last && Outcomes.IsFinal(last)) return Result(last, null);
        if (a.Authority == AuthorityLevel.Approver && recorder.Ledger.ApprovedBy(planSha256, a.Id) is null)
        {
            var why = Messages.Get("ContainNeedsApproval", a.Id, planSha256);
            await OutcomeAsync(a, Outcomes.PendingApproval, null, why, LocalText.Of("ContainNeedsApproval", a.Id, planSha256)).ConfigureAwait(false);
            return Result(Outcomes.PendingApproval, why);
        }
        try
        {
            return await TransientRetry.RunAsync(() => RunOnceAsync(a, ct), time, ct, TransientRetry.ChangeAttempts).ConfigureAwait(false);
        }
        catch (PrerequisiteNotHeldException e)
        {
            // Not retryable by itself: whether a later run gets further is the prerequisite's own outcome.
            await OutcomeAsync(a, Outcomes.Failed, null, e.Message, e.Reasons).ConfigureAwait(false);
            return Result(Outcomes.Failed, e.Message);
        }
        catch (NotSupportedException e)
        {
            await OutcomeAsync(a, Outcomes.NeedsDecision, null, e.Message).ConfigureAwait(false);
            return Result(Outcomes.NeedsDecision, e.Message);
        }
        catch (AwsServiceError e)
        {
            var why = $"{e.Code}: {e.AwsMessage}";
            await OutcomeAsync(a, Outcomes.Failed, null, why).ConfigureAwait(false);
            return Result(Outcomes.Failed, why) with { Retryable = e.IsRetryable };
        }
    }

    private async Task<ActionResult> RunOnceAsync(PlannedAction a, CancellationToken ct)
    {
        ActionResult Result(string outcome, string? reason) => new(a.Id, a.Action, a.Target, outcome, reason);
        var action = ActionRegistry.Get(a.Action);
        {
            var state = await action.ReadAsync(_context!, a, ct).ConfigureAwait(false);
            if (options.FreshPlan && recorder.Ledger.Before(a.Id) is null && action.Stale(a, state) is { } stale)
            {
                var why = Messages.Get("ContainPlanStale", 1, stale);
                await OutcomeAsync(a, Outcomes.Failed, state, why).ConfigureAwait(false);
                return Result(Outcomes.Failed, why);
            }
            if (recorder.Ledger.Before(a.Id) is null)
                await recorder.AppendAsync(ContainmentJournalKinds.Before, new JsonObject
                {
                    ["actionId"] = a.Id, ["planSha256"] = planSha256, ["target"] = a.Target.Key,
                    ["evidence"] = a.BeforeEvidence, ["state"] = state.DeepClone(),
                }, a.Reason, CancellationToken.None).ConfigureAwait(false);
            string done;
            if (action.Holds(a, state))
                done = recorder.Ledger.Changes(a.Id) > 0 ? Outcomes.Done : Outcomes.AlreadyDone;
            else
            {
                await ApprovedStep.ChangeAsync(action, _context!, a, state,
                    a.Authority == AuthorityLevel.Responder || recorder.Ledger.ApprovedBy(planSha256, a.Id) is not null, ct).ConfigureAwait(false);
                var (holds, after) = await AfterStateWait.UntilAsync(() => action.ReadAsync(_context!, a, ct), s => action.Holds(a, s),
                    options, time, ct).ConfigureAwait(false);
                if (!holds)
                {
                    var why = Messages.Get("ContainAfterStateNotSeen", options.SettleTimeout.TotalSeconds);
                    await OutcomeAsync(a, Outcomes.Failed, after, why, LocalText.Of("ContainAfterStateNotSeen", options.SettleTimeout.TotalSeconds)).ConfigureAwait(false);
                    return Result(Outcomes.Failed, why);
                }
                state = after;
                done = Outcomes.Done;
            }
            if (action is IsolateInstance)
            {
                string Why(System.Globalization.CultureInfo culture) => Messages.In(culture, "ContainIsolatedNeedsDecision", a.Target.Id, (string?)a.Parameters["why"] switch
                {
                    "one-time-spot" => Messages.In(culture, "ContainWhyOneTimeSpot"),
                    "spot-request-ended" => Messages.In(culture, "ContainWhySpotRequestEnded"),
                    "instance-store-root" => Messages.In(culture, "ContainWhyInstanceStoreRoot"),
                    var other => other ?? "",
                });
                var why = Why(System.Globalization.CultureInfo.CurrentUICulture);
                await OutcomeAsync(a, Outcomes.NeedsDecision, state, why, LocalText.Compose(Why)).ConfigureAwait(false);
                return Result(Outcomes.NeedsDecision, why);
            }
            await OutcomeAsync(a, done, state, null).ConfigureAwait(false);
            return Result(done, null);
        }
    }

    /// <summary>Journals an outcome; <paramref name="reasons"/> keeps Shodo's own reason in every report language.</summary>
    private Task OutcomeAsync(PlannedAction a, string outcome, JsonObject? after, string? reason,
        IReadOnlyDictionary<string, string>? reasons = null)
    {
        var data = new JsonObject
        {
            ["actionId"] = a.Id, ["planSha256"] = planSha256, ["target"] = a.Target.Key, ["outcome"] = outcome,
            ["after"] = after?.DeepClone(), ["reason"] = reason,
        };
        if (reasons is not null) data["reasons"] = new JsonObject(reasons.Select(r => KeyValuePair.Create(r.Key, (JsonNode?)r.Value)));
        return recorder.AppendAsync(ContainmentJournalKinds.Outcome, data, reason, CancellationToken.None);
    }

    private Task JournalChangeAsync(PlannedAction a, AwsOperation operation, JsonObject request) =>
        recorder.AppendAsync(ContainmentJournalKinds.Changed, new JsonObject
        {
            ["actionId"] = a.Id, ["planSha256"] = planSha256, ["target"] = a.Target.Key, ["operation"] = operation.Key,
            ["request"] = request,
        }, null, CancellationToken.None);
}
