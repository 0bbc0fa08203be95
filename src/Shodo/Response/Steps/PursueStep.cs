using Shodo.Aws.Ec2;
using Shodo.Aws.Errors;
using Shodo.Aws.Resilience;
using Shodo.Containment.Plan;
using Shodo.Containment.Planning;
using Shodo.Containment.Record;
using Shodo.Investigation.Identities;
using Shodo.Investigation.Model;
using Shodo.Investigation.Pursuit;
using Shodo.Localization;

namespace Shodo.Response.Steps;

/// <summary>
/// Containment as the facts arrive: right after the first move, the account's snapshot starts recording in the background
/// (<see cref="CollectStep.Begin"/>) while the leaked key's trail, whose reading began with the first move (<see cref="Begin"/>),
/// is read (<see cref="KeyPursuit"/>: its events, then every event since the compromise began, in every region at once); each identity and resource that trail attributes to the
/// attacker is then contained at once — before-state read per target, a plan of its own (data, hashed, journaled),
/// applied within authority and verified, in rounds while verification finds more. No barrier waits for the whole
/// account: the investigation that follows reads every source and the whole snapshot, and its plan finds these actions
/// done. A pursuit that cannot read or act is incomplete, never an end: the response goes on.
/// </summary>
public sealed class PursueStep : IResponseStep
{
    public const string StepName = "pursue";

    public string Name => StepName;

    /// <summary>Later steps read nothing it writes: the investigation reads again, the whole plan re-reads every target.</summary>
    public bool LaterStepsReadIt => false;

    /// <summary>
    /// Starts reading the leaked key's trail in the background: the first move calls only IAM and reads no event, so the
    /// trail (CloudTrail, its own rate limits) is read beside it and the pursuit starts with what has arrived.
    /// </summary>
    public static void Begin(ResponseSession session, CancellationToken ct)
    {
        if (session.PursuitUnderway is not null || session.Request.AccessKeyId is not { } key) return;
        session.PursuitUnderway = Task.Run(() => ReadAsync(session, key, ct), ct);
    }

    private static async Task<PursuitReading> ReadAsync(ResponseSession session, string key, CancellationToken ct)
    {
        var regions = (await TransientRetry.RunAsync(() => RegionDiscovery.EnabledAsync(session.Aws, ct), session.Time, ct).ConfigureAwait(false))
            .Select(r => r.Name).ToList();
        var owner = session.CheckedKey?.UserName ?? session.Request.UserName;
        // Where the investigation would read: a member's folder of the organisation trail the parent found, else LookupEvents.
        var organizationTrail = session.OrganizationTrail is { } choose ? await choose(ct).ConfigureAwait(false) : null;
        var pursuer = new KeyPursuit(session.Aws, session.Case, session.Time, session.LookupsRead,
            PursuitEvents.For(session.Aws, session.Case, session.Time, session.LookupsRead, organizationTrail));
        var start = await pursuer.StartAsync(key, owner, session.Request.Since, regions, ct).ConfigureAwait(false);
        return new PursuitReading(start, pursuer.FollowAsync(start, ct)) { Source = pursuer.Source };
    }

    public async Task<StepResult> RunAsync(ResponseSession session, CancellationToken ct)
    {
        CollectStep.Begin(session, ct);
        if (session.Request.AccessKeyId is null)
            return StepResult.Done(Messages.Get("PursueNoKey"));
        try
        {
            var authority = Containment.Authority.AuthorityPolicy.From(session.Configuration);
            // What exists now is the line: anything launched while the trail is read is new to the pursuit's verification.
            var baseline = new Planner(session.Aws, session.Case, authority, session.Time).ReadBaselineAsync(ct);
            Begin(session, ct);
            var reading = session.PursuitUnderway!;
            session.PursuitUnderway = null;
            var underway = await reading.ConfigureAwait(false);
            var (start, following) = underway;
            var reached = AccountsReached.From(start.Chain.AttackerEvents, session.Responder.Account);
            MemberAccountsStep.Begin(session, reached, ct);
            // The identities the key's own events show are cut at once (not verified: the pass after it verifies everything),
            // while every other event since the compromise is read.
            if (start.Attributed.FoundMore)
                await CutIdentitiesAsync(session, start.Attributed, ct).ConfigureAwait(false);
            var pursuit = await following.ConfigureAwait(false);
            var read = Messages.Get("PursueRead", pursuit.RecordsRead, pursuit.Identities.Count, pursuit.Resources.Count, pursuit.Gaps.Count)
                + " " + Messages.Get("PursueReadFrom", pursuit.Source ?? underway.Source ?? "");
            session.Progress.Note(Name, read);
            if (!pursuit.FoundMore)
            {
                await baseline.ConfigureAwait(false);
                return new StepResult(pursuit.Gaps.Count == 0 ? StepOutcome.Done : StepOutcome.Incomplete, read + "; " + Messages.Get("PursueNothingYet"));
            }
            var contained = await new ContainStep
            {
                ShownAs = Name,
                Input = s => new PlanningInput(pursuit.Identities,
                    [.. pursuit.Resources, .. VerificationFile.AttributedResources(s.Case.Folder)], [])
                {
                    LiveBaseline = true, Baseline = baseline, AccountsReached = LeverNow(authority, reached),
                },
            }.RunAsync(session, ct).ConfigureAwait(false);
            var outcome = contained.Outcome == StepOutcome.Done && pursuit.Gaps.Count == 0 ? StepOutcome.Done : StepOutcome.Incomplete;
            return new StepResult(outcome, read + "; " + contained.Detail);
        }
        catch (AwsServiceError e)
        {
            // AWS gave up on the pursuit: the snapshot, the investigation and the whole plan still come.
            return new StepResult(StepOutcome.Incomplete, Messages.Get("PursueGaveUp", e.Code));
        }
    }

    /// <summary>
    /// The accounts the key's own trail shows it entered, for the organisation lever (deny-by-scp from the management account):
    /// pulled now, not after the investigation, when the authority policy lets Shodo pull it; one that waits for a person is
    /// asked for once, by the whole plan, with the investigation's whole picture (null: the investigation's accounts-reached.json).
    /// </summary>
    private static IReadOnlyList<AccountReached>? LeverNow(Containment.Authority.AuthorityPolicy authority, IReadOnlyList<AccountReached> reached) =>
        authority.For("deny-by-scp", Containment.TargetKinds.OrganizationAccount) == AuthorityLevel.Responder ? reached : null;

    /// <summary>Nothing verifies this pass, so it waits for no baseline: the pass after it verifies against the one read at the start.</summary>
    private static Task<StepResult> CutIdentitiesAsync(ResponseSession session, PursuitResult attributed, CancellationToken ct) => new ContainStep
    {
        ShownAs = StepName, Verify = false,
        Input = _ => new PlanningInput(attributed.Identities,
            attributed.Resources.Where(r => r.Type is ResourceTypes.User or ResourceTypes.AccessKey or ResourceTypes.LoginProfile).ToList(), [])
        {
            LiveBaseline = true, Baseline = Task.FromResult(new BaselineRead(new PlanBaseline(), [], [])),
        },
    }.RunAsync(session, ct);
}
