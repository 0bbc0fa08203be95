using System.Text.Json.Nodes;
using Shodo.Aws;
using Shodo.Aws.Connection;
using Shodo.Aws.Errors;
using Shodo.Containment.Record;
using Shodo.Containment.Actions;
using Shodo.Containment.Plan;
using Shodo.Diagnostics;
using Shodo.Localization;

namespace Shodo.Containment.Apply;

/// <summary>
/// Undoes applied reversible actions, for the false alarm — in reverse order (instances, then the identities' keys and
/// deny policies): keys back to Active, the deny policy replaced by one that denies nothing, instances
/// started, attributes and security groups as they were. Restores exactly the before-state the journal
/// recorded; each call is journaled like any change, then <c>containment.rolledback</c>.
/// </summary>
public sealed class ContainmentRollback(AwsConnection aws, ContainmentRecorder recorder, ContainmentPlan plan, string planSha256,
    TimeProvider time, ApplyOptions options)
{
    public async Task<IReadOnlyList<ActionResult>> RunAsync(string by, string? onlyAction, CancellationToken ct)
    {
        var context = new ContainmentContext(aws, plan.CaseId, time, (a, op, request) => JournalChangeAsync(a, op, request));
        var candidates = plan.Actions
            .Where(a => onlyAction is null || a.Id == onlyAction)
            .Where(a => recorder.Ledger.LastOutcome(a.Id) is { } o && Outcomes.IsFinal(o) && o != Outcomes.Skipped)
            .ToList();
        if (onlyAction is not null && candidates.Count == 0)
            throw new ShodoException(new Diagnostic(ExitCode.Usage, Messages.Get("ContainNothingToRollBack", onlyAction)));
        var results = new List<ActionResult>();
        foreach (var phase in candidates.GroupBy(a => a.Phase).OrderByDescending(g => g.Key))
        {
            var done = await Task.WhenAll(phase.GroupBy(a => a.Target.Key).Select(async chain =>
            {
                var list = new List<ActionResult>();
                foreach (var a in chain.OrderByDescending(a => a.Step)) list.Add(await RollBackAsync(context, a, by, ct).ConfigureAwait(false));
                return list;
            })).ConfigureAwait(false);
            results.AddRange(done.SelectMany(x => x));
        }
        return results;
    }

    private async Task<ActionResult> RollBackAsync(ContainmentContext c, PlannedAction a, string by, CancellationToken ct)
    {
        var action = ActionRegistry.Get(a.Action);
        if (!action.Reversible) return new(a.Id, a.Action, a.Target, "not-reversible", action.HowToReverse);
        var before = recorder.Ledger.Before(a.Id);
        if (before is null) return new(a.Id, a.Action, a.Target, Outcomes.Skipped, "no before-state recorded");
        try
        {
            var (restored, after) = await AfterStateWait.UntilAsync(async () =>
            {
                var state = await action.ReadAsync(c, a, ct).ConfigureAwait(false);
                if (!action.RolledBack(a, before, state)) await action.RollbackAsync(c, a, before, state, ct).ConfigureAwait(false);
                return state;
            }, s => action.RolledBack(a, before, s), options, time, ct).ConfigureAwait(false);
            if (!restored) return new(a.Id, a.Action, a.Target, Outcomes.Failed, Messages.Get("ContainAfterStateNotSeen", options.SettleTimeout.TotalSeconds));
            await recorder.AppendAsync(ContainmentJournalKinds.RolledBack, new JsonObject
            {
                ["actionId"] = a.Id, ["planSha256"] = planSha256, ["target"] = a.Target.Key, ["by"] = by, ["after"] = after.DeepClone(),
            }, Messages.Get("ContainRolledBackWhy", by), CancellationToken.None).ConfigureAwait(false);
            return new(a.Id, a.Action, a.Target, "rolled-back", null);
        }
        catch (AwsServiceError e)
        {
            return new(a.Id, a.Action, a.Target, Outcomes.Failed, $"{e.Code}: {e.AwsMessage}");
        }
        catch (Actions.DecisionNeededException e)
        {
            return new(a.Id, a.Action, a.Target, Outcomes.NeedsDecision, e.Message);
        }
    }

    private Task JournalChangeAsync(PlannedAction a, AwsOperation operation, JsonObject request) =>
        recorder.AppendAsync(ContainmentJournalKinds.Changed, new JsonObject
        {
            ["actionId"] = a.Id, ["planSha256"] = planSha256, ["target"] = a.Target.Key, ["operation"] = operation.Key,
            ["request"] = request, ["rollback"] = true,
        }, null, CancellationToken.None);
}
