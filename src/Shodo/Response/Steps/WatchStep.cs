using Shodo.Containment.Record;
using Shodo.Escalation.Settings;
using Shodo.Localization;

namespace Shodo.Response.Steps;

/// <summary>
/// Events arrive late — CloudTrail delivers an event minutes after its call — so after the first containment the
/// response keeps looking for <see cref="ResponseRequest.Watch"/>: every <see cref="ResponseRequest.WatchInterval"/> it
/// reads the events again (the investigation, whole), contains what they now attribute to the attacker (the
/// contain step's rounds, quiet unless something changed) and, when anything new was contained, writes the report
/// again. Ctrl+C ends the watch, not the response: what was contained stays contained and the report says so.
/// </summary>
public sealed class WatchStep : IResponseStep
{
    public const string StepName = "watch";

    public string Name => StepName;

    public bool LaterStepsReadIt => false;

    public async Task<StepResult> RunAsync(ResponseSession session, CancellationToken ct)
    {
        var period = session.Request.Watch;
        if (period <= TimeSpan.Zero) return StepResult.Done(Messages.Get("WatchNone"));
        var until = session.Time.GetUtcNow() + period;
        var interval = session.Request.WatchInterval > TimeSpan.Zero ? session.Request.WatchInterval : TimeSpan.FromSeconds(30);
        session.Progress.Note(Name, Messages.Get("WatchStarted", DurationText.Format(period), until.ToString("HH:mm:ss")));
        var cycles = 0;
        var late = 0;
        StepResult? last = null;
        try
        {
            for (var left = until - session.Time.GetUtcNow(); left > TimeSpan.Zero; left = until - session.Time.GetUtcNow())
            {
                await Task.Delay(left < interval ? left : interval, session.Time, ct).ConfigureAwait(false);
                cycles++;
                var before = ContainmentLedger.Read(session.Case).FinalActions().Count();
                await new InvestigateStep { ShownAs = Name }.RunAsync(session, ct).ConfigureAwait(false);
                last = await new ContainStep { OnlyWhenChanged = true, ShownAs = Name }.RunAsync(session, ct).ConfigureAwait(false);
                var added = ContainmentLedger.Read(session.Case).FinalActions().Count() - before;
                if (added > 0)
                {
                    session.Progress.Note(Name, Messages.Get("WatchContainedLate", added, cycles));
                    session.Progress.StepFinished(ContainStep.StepName, last); // containment moved on: its row says where it stands now
                }
                late += added;
                late += await Accounts.MemberAccountsWatch.LookAsync(session, Name, ct).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            session.Progress.Note(Name, Messages.Get("WatchEndedEarly"));
        }
        if (late > 0) await ReportStep.WriteAsync(session, Name, CancellationToken.None).ConfigureAwait(false);
        var detail = Messages.Get("WatchDetail", DurationText.Format(period), cycles, late);
        if (last is null) return StepResult.Done(detail);
        // What the last look saw is where containment stands: it settles the contain step's outcome.
        return last with { Detail = last.Outcome == StepOutcome.Done ? detail : detail + "; " + last.Detail, Settles = ContainStep.StepName };
    }
}
