using Shodo.Aws.Connection;
using Shodo.Aws.Resilience;
using Shodo.Aws.Safety;
using Shodo.Cases;
using Shodo.Escalation;
using Shodo.Escalation.Loop;
using Shodo.Escalation.Notices;
using Shodo.Escalation.Settings;
using Shodo.Investigation.Identities;
using Shodo.Localization;

namespace Shodo.Response;

/// <summary>
/// One first response, as <c>shodo respond</c> and <c>shodo drill</c> both run it: check the key given before
/// a case is opened, open (or resume) the case and bind it to the responder, start escalating beside everything
/// else, connect as the responder with refusals journaled, run every step of <see cref="ResponseSteps"/>, and
/// give an acknowledgement a short grace. What happens is told to <see cref="IResponseProgress"/>; nothing here
/// writes to a console.
/// </summary>
public static class FirstResponse
{
    /// <summary>How long a response that is done still waits for an acknowledgement (it ends at once when one arrives).</summary>
    public static readonly TimeSpan DefaultAcknowledgementGrace = TimeSpan.FromSeconds(10);

    /// <exception cref="ResponseInterruptedException">Cancelled at a step's safe point (the journal says where).</exception>
    /// <exception cref="ResponseGaveUpException">AWS still throttling or unreachable after every retry (resumable).</exception>
    public static async Task<FirstResponseResult> RunAsync(FirstResponseOptions options, TimeProvider time, IResponseProgress progress,
        CancellationToken ct)
    {
        var request = options.Request;
        var escalation = EscalationConfigReader.Read(options.Configuration, options.EnvironmentVariable);
        CallerIdentity me;
        LeakedKeyCheckResult? checkedKey = null;
        using (var probe = await AwsConnection.OpenAsync(options.Connection, ct).ConfigureAwait(false))
        {
            // Nothing starts without it: try through a burst of throttling or errors. The leaked key is checked in the same
            // round trip (its account and user asked while the responder's own account is).
            var whoAmI = TransientRetry.RunAsync(() => probe.WhoAmIAsync(ct), time, ct);
            var check = request.AccessKeyId is { } given
                ? LeakedKeyCheckFlow.CheckAsync(probe, given, AccountOf(whoAmI), LeakedKeyCheckFlow.Sentences.Respond,
                    m => progress.Note("case", m), ct)
                : null;
            me = await whoAmI.ConfigureAwait(false);
            if (check is not null) checkedKey = await check.ConfigureAwait(false);
        }
        using var @case = options.ResumeCaseDirectory is not { } resume
            ? Case.Open(options.CasesDirectory, options.CaseOptions with { AccountId = me.Account, Title = Title(request) })
            : Case.Load(resume, options.CaseOptions);
        @case.BindCaller(me.Account, me.Arn);
        progress.Note("case", Messages.Get("RespondCaseOpened", @case.Manifest.Id, @case.Directory));
        if (options.ResumeCaseDirectory is not null && request.AccessKeyId is null && request.UserName is null)
        {
            request = ResponseStartingPoint.Recorded(request, @case.Folder);
            if ((request.AccessKeyId ?? request.UserName) is { } from) progress.Note("case", Messages.Get("RespondResumedFrom", from));
        }

        var facts = new EscalationFacts
        {
            CaseId = @case.Manifest.Id, AccountId = me.Account, AccessKeyId = request.AccessKeyId, SeenAt = time.GetUtcNow(),
        };
        await using var loop = new EscalationLoop(@case, escalation, new EscalationOptions { Time = time });
        if (loop.IsConfigured)
        {
            EscalationWaiting.Attach(loop, progress);
            EscalationDeliveries.Attach(loop, progress);
            await loop.StartAsync(facts, ct).ConfigureAwait(false);
            options.EscalationStarted?.Invoke(loop);
            progress.Note("escalate", Messages.Get("RespondEscalationStarted", escalation.Levels.Count));
            _ = loop.Acknowledged.ContinueWith(t => progress.Note("escalate", Messages.Get("RespondAcknowledged", t.Result)),
                CancellationToken.None, TaskContinuationOptions.OnlyOnRanToCompletion, TaskScheduler.Default);
        }
        else
            progress.Note("escalate", Messages.Get("RespondNoEscalation"));

        using var aws = await AwsConnection.OpenAsync(options.Connection with { RefusalSink = new JournalRefusalSink(@case.Journal) }, ct)
            .ConfigureAwait(false);
        var session = new ResponseSession(@case, aws, me, options.Configuration, request, time, progress,
            loop.IsConfigured ? new EscalationMilestones(loop, () => facts) : NoMilestoneNotifier.Instance)
        {
            Confirm = options.Confirm, CheckedKey = checkedKey, CaseOptions = options.CaseOptions,
        };
        ResponseOutcome outcome;
        try
        {
            outcome = await new ResponseRunner(ResponseSteps.For(request)).RunAsync(session, ct).ConfigureAwait(false);
        }
        catch (Aws.Errors.AwsServiceError e) when (e.Diagnostic.Code is Diagnostics.ExitCode.Throttled or Diagnostics.ExitCode.Unreachable)
        {
            throw new ResponseGaveUpException(@case.Manifest.Id, e); // the runner journaled the give-up
        }
        await loop.DrainAsync(options.AcknowledgementGrace).ConfigureAwait(false);
        var handOff = loop.IsConfigured && !loop.IsAcknowledged && options.HandEscalationOff;
        if (handOff)
        {
            // The first rule of escalation is to keep calling until someone answers: not to stop when this process does.
            await loop.DisposeAsync().ConfigureAwait(false);
            await @case.Journal.AppendAsync(EscalationJournalKinds.HandedOff, new System.Text.Json.Nodes.JsonObject
            {
                ["command"] = $"shodo escalate {@case.Manifest.Id}",
            }, Messages.Get("RespondEscalationHandedOff", @case.Manifest.Id), CancellationToken.None).ConfigureAwait(false);
        }
        else if (loop.IsConfigured && !loop.IsAcknowledged)
            progress.Note("escalate", Messages.Get("RespondStillUnacknowledged", @case.Manifest.Id));
        return new FirstResponseResult(@case.Directory, @case.Manifest.Id, outcome, loop.IsAcknowledged) { EscalationHandedOff = handOff };
    }

    private static async Task<string> AccountOf(Task<CallerIdentity> whoAmI) => (await whoAmI.ConfigureAwait(false)).Account;

    private static string Title(ResponseRequest request) =>
        request.AccessKeyId is { } key ? $"Leaked access key {key}"
        : request.UserName is { } user ? $"Compromised user {user}"
        : "Suspected compromise";
}
