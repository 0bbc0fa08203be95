using Shodo.Aws.Connection;
using Shodo.Aws.Resilience;
using Shodo.Aws.Safety;
using Shodo.Cases;
using Shodo.Configuration;
using Shodo.Diagnostics;
using Shodo.Escalation.Loop;
using Shodo.Escalation.Notices;
using Shodo.Escalation.Settings;
using Shodo.Localization;
using Shodo.Response;

namespace Shodo.Cli.Commands.Respond;

/// <summary>
/// One response, as <c>shodo respond</c> and <c>shodo drill</c> both run it: open (or resume) the
/// case, start escalating beside everything else, connect as the responder, run every step of
/// <see cref="ResponseSteps"/>.
/// </summary>
internal static class ResponseFlow
{
    /// <summary>How long a response that is done still waits for an acknowledgement (it ends at once when one arrives).</summary>
    public static readonly TimeSpan DefaultAcknowledgementGrace = TimeSpan.FromSeconds(10);

    public sealed record Result(string CaseDirectory, string CaseId, ResponseOutcome Outcome, bool Acknowledged);

    public static async Task<Result> RunAsync(CommandContext ctx, AwsConnectionOptions connection, ResponseRequest request,
        ShodoConfiguration configuration, string? resume, IResponseProgress progress, CancellationToken ct,
        Action<EscalationLoop>? escalationStarted = null,
        Func<Shodo.Containment.Plan.ContainmentPlan, CancellationToken, Task<bool>>? confirm = null,
        TimeSpan? acknowledgementGrace = null)
    {
        var escalation = EscalationConfigReader.Read(configuration, name => ctx.Environment.Variable(name));
        CallerIdentity me;
        using (var probe = await AwsConnection.OpenAsync(connection, ct))
        {
            me = await TransientRetry.RunAsync(() => probe.WhoAmIAsync(ct), ctx.Time, ct); // nothing starts without it: try through a burst
            if (request.AccessKeyId is { } given)
                await LeakedKeyCheckFlow.CheckAsync(probe, given, me.Account, LeakedKeyCheckFlow.Sentences.Respond, m => progress.Note("case", m), ct);
        }
        using var @case = resume is null
            ? Case.Open(ctx.Settings.CaseDir, ctx.CaseOptions with
            {
                AccountId = me.Account,
                Title = request.AccessKeyId is { } key ? $"Leaked access key {key}" : request.UserName is { } user ? $"Compromised user {user}" : "Suspected compromise",
            })
            : Case.Load(CaseCommands.CaseFolderPath.Resolve(resume, ctx.Settings), ctx.CaseOptions);
        @case.BindCaller(me.Account, me.Arn);
        progress.Note("case", Messages.Get("RespondCaseOpened", @case.Manifest.Id, @case.Directory));
        if (resume is not null && request.AccessKeyId is null && request.UserName is null)
        {
            request = ResponseStartingPoint.Recorded(request, @case.Directory);
            if ((request.AccessKeyId ?? request.UserName) is { } from) progress.Note("case", Messages.Get("RespondResumedFrom", from));
        }

        var facts = new EscalationFacts
        {
            CaseId = @case.Manifest.Id, AccountId = me.Account, AccessKeyId = request.AccessKeyId, SeenAt = ctx.Time.GetUtcNow(),
        };
        await using var loop = new EscalationLoop(@case, escalation, new EscalationOptions { Time = ctx.Time });
        if (loop.IsConfigured)
        {
            EscalationWaiting.Attach(loop, progress);
            EscalationDeliveries.Attach(loop, progress);
            await loop.StartAsync(facts, ct);
            escalationStarted?.Invoke(loop);
            progress.Note("escalate", Messages.Get("RespondEscalationStarted", escalation.Levels.Count));
            _ = loop.Acknowledged.ContinueWith(t => progress.Note("escalate", Messages.Get("RespondAcknowledged", t.Result)),
                CancellationToken.None, TaskContinuationOptions.OnlyOnRanToCompletion, TaskScheduler.Default);
        }
        else
            progress.Note("escalate", Messages.Get("RespondNoEscalation"));

        using var aws = await AwsConnection.OpenAsync(connection with { RefusalSink = new JournalRefusalSink(@case.Journal) }, ct);
        var session = new ResponseSession(@case, aws, me, configuration, request, ctx.Time, progress,
            loop.IsConfigured ? new EscalationMilestones(loop, () => facts) : NoMilestoneNotifier.Instance)
        {
            Confirm = confirm,
        };
        ResponseOutcome outcome;
        try
        {
            outcome = await new ResponseRunner(ResponseSteps.For(request)).RunAsync(session, ct);
        }
        catch (ResponseInterruptedException e)
        {
            throw new ShodoException(new Diagnostic(ExitCode.Interrupted, Messages.Get("RespondInterrupted", e.Step, @case.Manifest.Id)));
        }
        catch (Shodo.Aws.Errors.AwsServiceError e) when (e.Diagnostic.Code is ExitCode.Throttled or ExitCode.Unreachable)
        {
            // The runner journaled the give-up; the person needs the one command that goes on from it.
            throw new ShodoException(new Diagnostic(e.Diagnostic.Code,
                Messages.Get("RespondGaveUp", $"{e.Service}:{e.Operation}", e.Code, @case.Manifest.Id), e.Diagnostic.Detail), e);
        }
        if (loop.IsConfigured && !loop.IsAcknowledged)
            progress.Note("escalate", Messages.Get("RespondStillUnacknowledged", @case.Manifest.Id));
        await loop.DrainAsync(acknowledgementGrace ?? DefaultAcknowledgementGrace);
        return new Result(@case.Directory, @case.Manifest.Id, outcome, loop.IsAcknowledged);
    }
}
