using Shodo.Aws.Iam;
using Shodo.Aws.Iam.Calls;
using Shodo.Aws.Resilience;
using Shodo.Containment;
using Shodo.Containment.Apply;
using Shodo.Containment.Authority;
using Shodo.Containment.Plan;
using Shodo.Containment.Planning;
using Shodo.Containment.Record;
using Shodo.Escalation.Notices;
using Shodo.Investigation.Identities;
using Shodo.Localization;

namespace Shodo.Response.Steps;

/// <summary>
/// The first move, at second zero: before anything account-wide is recorded or read, the leaked key's owner
/// (or the user named) is read — its keys, inline and attached policies, groups, login profile: the target's
/// before-state, stored and journaled — then, within the authority policy, denied and every key set Inactive,
/// each change confirmed by re-reading. A small plan of its own (data, hashed, journaled), applied at once; the
/// whole plan later finds these actions done. What the policy withholds is asked for at once (prompt, escalation).
/// A temporary key's role is found by the investigation: the first move then waits for it. The key's trail is read
/// beside it (<see cref="PursueStep.Begin"/>): CloudTrail, not IAM, so nothing on this path waits for it, and the first
/// move holds the case's write precedence (<see cref="Cases.WritePrecedence"/>) so the trail's pages wait for its writes.
/// </summary>
public sealed class FirstMoveStep : IResponseStep
{
    public const string StepName = "first-move";

    public string Name => StepName;

    public bool LaterStepsReadIt => false;

    public async Task<StepResult> RunAsync(ResponseSession session, CancellationToken ct)
    {
        var key = session.Request.AccessKeyId;
        PursueStep.Begin(session, ct);
        // The trail's pages wait for the first move's writes, not the other way round.
        using var first = session.Case.Precedence.Hold();
        var principal = await PrincipalAsync(session, key, ct).ConfigureAwait(false);
        if (principal is null)
            return new StepResult(StepOutcome.Incomplete, key is not null && AccessKeyIdFormat.IsTemporary(key)
                ? Messages.Get("FirstMoveTemporaryKey", key)
                : Messages.Get("FirstMoveNoOwner", key ?? "-"));
        var user = principal.Id;

        var authority = AuthorityPolicy.From(session.Configuration);
        var planner = new Planner(session.Aws, session.Case, authority, session.Time);
        var plan = await planner.BuildFirstMoveAsync(session.Responder, principal, key, ct).ConfigureAwait(false);
        var sha = await planner.RecordAsync(plan, ct).ConfigureAwait(false);
        if (plan.Actions.Count == 0)
            return new StepResult(StepOutcome.Incomplete, Messages.Get("FirstMoveUnread", user));
        if (!session.Request.ApplyWithinAuthority) first.Dispose(); // a person answers: nothing waits on them
        if (!session.Request.ApplyWithinAuthority && !await session.ConfirmAsync(plan, ct).ConfigureAwait(false))
        {
            await session.Milestones.NotifyAsync(Milestone.PlanAwaitingApproval,
                Messages.Get("FirstMoveWaits", user, session.Case.Manifest.Id, sha), ct).ConfigureAwait(false);
            return new StepResult(StepOutcome.Incomplete, Messages.Get("FirstMoveWaits", user, session.Case.Manifest.Id, sha));
        }
        var recorder = new ContainmentRecorder(session.Case, ContainmentLedger.Read(session.Case));
        var result = await new ContainmentApply(session.Aws, recorder, plan, sha, session.Time,
            new ApplyOptions { Verify = false, FreshPlan = true, Responder = session.Responder }).RunAsync(ct).ConfigureAwait(false);
        var done = result.Actions.Count(a => a.Outcome is Outcomes.Done or Outcomes.AlreadyDone);
        var pending = result.Actions.Where(a => a.Outcome == Outcomes.PendingApproval).ToList();
        var detail = Messages.Get("FirstMoveDetail", user, done, result.Actions.Count);
        if (pending.Count > 0)
        {
            var ask = Messages.Get("FirstMovePending", user, string.Join(", ", pending.Select(a => a.Action)), session.Case.Manifest.Id, sha);
            await session.Milestones.NotifyAsync(Milestone.PlanAwaitingApproval, ask, ct).ConfigureAwait(false);
            detail += "; " + ask;
        }
        return new StepResult(done == result.Actions.Count ? StepOutcome.Done : StepOutcome.Incomplete, detail)
        {
            Resumable = result.Actions.Any(a => a.Retryable),
        };
    }

    /// <summary>
    /// Whom the first move cuts: the user named; the user of a long-term key (as the check before the case named it, or
    /// asked again on a resume); for a temporary key, the role session or user CloudTrail showed using it — a role is then
    /// denied for every session issued before now, which the leaked one is. Null: the investigation must find it.
    /// </summary>
    private static async Task<ContainmentTarget?> PrincipalAsync(ResponseSession session, string? key, CancellationToken ct)
    {
        if ((session.Request.UserName ?? session.CheckedKey?.UserName) is { } named) return User(named);
        if (key is null) return null;
        if (AccessKeyIdFormat.IsTemporary(key))
            return session.CheckedKey?.PrincipalArn is { } arn && ResponderGuard.Principal(arn) is var (kind, name)
                ? kind switch
                {
                    "assumed-role" => new ContainmentTarget(TargetKinds.Role, name, null),
                    "user" => User(name),
                    _ => null,
                }
                : null;
        var (found, _) = await TransientRetry.TryAsync(() => session.Aws.Iam().FindAsync(new GetAccessKeyLastUsed(key), ct), session.Time, ct)
            .ConfigureAwait(false);
        return found?.UserName is { } owner ? User(owner) : null;
    }

    private static ContainmentTarget User(string name) => new(TargetKinds.User, name, null);
}
