using System.Text.Json.Nodes;
using Shodo.Cases;

namespace Shodo.Response;

/// <summary>
/// Runs the steps of a response in order, journaling each start and end. On resume (the same case
/// again) a step whose <c>respond.step.finished</c> is in the journal with outcome done is not run
/// again; a step that ended incomplete (gaps: sources that could not be read, something left active),
/// failed, stopped or was interrupted runs again, and so does every step after it, since each reads
/// what the ones before it wrote. A failed or stopped step ends the run; a step that gives up on an
/// error is journaled as failed, with the reason, before the error ends the response; cancellation
/// stops between safe points (each step's own) and leaves the journal ready for <c>--resume</c>.
/// </summary>
public sealed class ResponseRunner(IReadOnlyList<IResponseStep> steps)
{
    public async Task<ResponseOutcome> RunAsync(ResponseSession session, CancellationToken ct)
    {
        var finished = FinishedSteps(session.Case.Folder);
        await session.Case.Journal.AppendAsync(ResponseJournalKinds.Started, new JsonObject
        {
            ["startingPoint"] = ResponseStartingPoint.ToJson(session.Request),
            ["resumed"] = finished.Count > 0,
        }, null, ct).ConfigureAwait(false);
        session.Progress.Planned(steps.Select(s => s.Name).ToList());
        var results = new List<(string Step, StepResult Result)>();
        var rerunning = false;
        foreach (var step in steps)
        {
            ct.ThrowIfCancellationRequested();
            if (!rerunning && finished.TryGetValue(step.Name, out var earlier))
            {
                results.Add((step.Name, earlier));
                session.Progress.StepFinished(step.Name, earlier);
                continue;
            }
            rerunning |= step.LaterStepsReadIt;
            session.Progress.StepStarted(step.Name);
            await session.Case.Journal.AppendAsync(ResponseJournalKinds.StepStarted, new JsonObject { ["step"] = step.Name }, null, ct)
                .ConfigureAwait(false);
            StepResult result;
            try
            {
                result = await step.RunAsync(session, ct).ConfigureAwait(false);
            }
            catch (OperationCanceledException e) when (ct.IsCancellationRequested)
            {
                await session.Case.Journal.AppendAsync(ResponseJournalKinds.Interrupted, new JsonObject { ["step"] = step.Name }, null,
                    CancellationToken.None).ConfigureAwait(false);
                throw new ResponseInterruptedException(step.Name, e) { CaseId = session.Case.Manifest.Id };
            }
            catch (Exception e) when (e is not OperationCanceledException || !ct.IsCancellationRequested)
            {
                await GaveUpAsync(session, step.Name, results, e).ConfigureAwait(false);
                throw;
            }
            var entry = new JsonObject { ["step"] = step.Name, ["outcome"] = Name(result.Outcome), ["detail"] = result.Detail };
            if (result.Resumable) entry["resumable"] = true;
            await session.Case.Journal.AppendAsync(ResponseJournalKinds.StepFinished, entry, null, CancellationToken.None)
                .ConfigureAwait(false); // what a step finished is recorded even when stopping

            session.Progress.StepFinished(step.Name, result);
            results.Add((step.Name, result));
            if (result.Settles is { } settled && results.FindIndex(r => r.Step == settled) is var i and >= 0)
            {
                var now = new StepResult(result.Outcome, result.Detail);
                await session.Case.Journal.AppendAsync(ResponseJournalKinds.StepFinished, new JsonObject
                {
                    ["step"] = settled, ["outcome"] = Name(now.Outcome), ["detail"] = now.Detail, ["settledBy"] = step.Name,
                }, null, CancellationToken.None).ConfigureAwait(false);
                results[i] = (settled, now);
            }
            if (result.Outcome is StepOutcome.Failed or StepOutcome.Stopped) break;
        }
        var outcome = new ResponseOutcome(results);
        await FinishedAsync(session, outcome).ConfigureAwait(false);
        return outcome;
    }

    private static Task FinishedAsync(ResponseSession session, ResponseOutcome outcome) =>
        session.Case.Journal.AppendAsync(ResponseJournalKinds.Finished, new JsonObject
        {
            ["outcome"] = Name(outcome.Worst),
            ["steps"] = new JsonArray(outcome.Steps.Select(r => (JsonNode)new JsonObject { ["step"] = r.Step, ["outcome"] = Name(r.Result.Outcome) }).ToArray()),
        }, null, CancellationToken.None);

    /// <summary>
    /// A step gave up on an error: the journal says so, and why (the error's diagnostic, AWS's code and call),
    /// and the response's end, before the error leaves; <c>--resume</c> runs the step again.
    /// </summary>
    private static async Task GaveUpAsync(ResponseSession session, string step, List<(string Step, StepResult Result)> results, Exception e)
    {
        var diagnostic = (e as Diagnostics.ShodoException)?.Diagnostic;
        var summary = diagnostic?.Summary ?? $"{e.GetType().Name}: {e.Message}";
        var reason = new JsonObject
        {
            ["exitCode"] = (int)(diagnostic?.Code ?? Diagnostics.ExitCode.Failure),
            ["message"] = summary,
        };
        if (e is Aws.Errors.AwsServiceError aws)
        {
            reason["code"] = aws.Code;
            reason["service"] = aws.Service;
            reason["operation"] = aws.Operation;
            reason["retryable"] = aws.IsRetryable;
        }
        var failed = new StepResult(StepOutcome.Failed, summary);
        await session.Case.Journal.AppendAsync(ResponseJournalKinds.StepFinished, new JsonObject
        {
            ["step"] = step, ["outcome"] = Name(StepOutcome.Failed), ["detail"] = summary, ["reason"] = reason,
        }, summary, CancellationToken.None).ConfigureAwait(false);
        session.Progress.StepFinished(step, failed);
        await FinishedAsync(session, new ResponseOutcome([.. results, (step, failed)])).ConfigureAwait(false);
    }

    private static string Name(StepOutcome outcome) => outcome.ToString().ToLowerInvariant();

    /// <summary>
    /// Steps whose latest run in this case finished done: the ones a resumed response need not run again.
    /// A later start that did not finish done (incomplete, failed, or cut off) undoes an earlier done.
    /// </summary>
    public static Dictionary<string, StepResult> FinishedSteps(CaseFolder folder)
    {
        var finished = new Dictionary<string, StepResult>(StringComparer.Ordinal);
        foreach (var e in JournalReader.Read(folder))
        {
            if (e.Kind is not (ResponseJournalKinds.StepStarted or ResponseJournalKinds.StepFinished) || (string?)e.Data["step"] is not { } step)
                continue;
            if (e.Kind == ResponseJournalKinds.StepFinished && Enum.TryParse<StepOutcome>((string?)e.Data["outcome"], true, out var o)
                && o is StepOutcome.Done)
                finished[step] = new StepResult(o, (string?)e.Data["detail"] ?? "");
            else
                finished.Remove(step);
        }
        return finished;
    }
}

/// <summary>Ctrl+C reached a step: it stopped at its own safe point and the journal says where (respond.interrupted).</summary>
public sealed class ResponseInterruptedException(string step, OperationCanceledException inner)
    : OperationCanceledException($"interrupted during {step}", inner, inner.CancellationToken)
{
    public string Step { get; } = step;
    /// <summary>The case the response goes on with (<c>respond --resume CASE</c>).</summary>
    public string? CaseId { get; init; }
}

/// <summary>Every step that ran (or had run before a resume) and how it ended.</summary>
public sealed record ResponseOutcome(IReadOnlyList<(string Step, StepResult Result)> Steps)
{
    public StepOutcome Worst => Steps.Count == 0 ? StepOutcome.Done : Steps.Max(s => s.Result.Outcome);
}
