using System.Text.Json.Nodes;
using Shodo.Cases;

namespace Shodo.Response;

/// <summary>
/// Runs the steps of a response in order, journaling each start and end. On resume (the same case
/// again) a step whose <c>respond.step.finished</c> is in the journal with outcome done is not run
/// again; a step that ended incomplete (gaps: sources that could not be read, something left active),
/// failed, stopped or was interrupted runs again, and so does every step after it, since each reads
/// what the ones before it wrote. A failed or stopped step ends the run; cancellation stops between
/// safe points (each step's own) and leaves the journal ready for <c>--resume</c>.
/// </summary>
public sealed class ResponseRunner(IReadOnlyList<IResponseStep> steps)
{
    public async Task<ResponseOutcome> RunAsync(ResponseSession session, CancellationToken ct)
    {
        var finished = FinishedSteps(session.Case.Directory);
        await session.Case.Journal.AppendAsync(ResponseJournalKinds.Started, new JsonObject
        {
            ["startingPoint"] = ResponseStartingPoint.ToJson(session.Request),
            ["resumed"] = finished.Count > 0,
        }, null, ct).ConfigureAwait(false);
        session.Progress.Planned(steps.Select(s => s.Name).ToList());
        var results = new List<(string Step, StepResult Result)>();
        var rerun = false;
        foreach (var step in steps)
        {
            ct.ThrowIfCancellationRequested();
            if (!rerun && finished.TryGetValue(step.Name, out var earlier))
            {
                results.Add((step.Name, earlier));
                session.Progress.StepFinished(step.Name, earlier);
                continue;
            }
            rerun = true;
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
                throw new ResponseInterruptedException(step.Name, e);
            }
            await session.Case.Journal.AppendAsync(ResponseJournalKinds.StepFinished, new JsonObject
            {
                ["step"] = step.Name, ["outcome"] = Name(result.Outcome), ["detail"] = result.Detail,
            }, null, CancellationToken.None).ConfigureAwait(false); // what a step finished is recorded even when stopping

            session.Progress.StepFinished(step.Name, result);
            results.Add((step.Name, result));
            if (result.Outcome is StepOutcome.Failed or StepOutcome.Stopped) break;
        }
        var outcome = new ResponseOutcome(results);
        await session.Case.Journal.AppendAsync(ResponseJournalKinds.Finished, new JsonObject
        {
            ["outcome"] = Name(outcome.Worst),
            ["steps"] = new JsonArray(results.Select(r => (JsonNode)new JsonObject { ["step"] = r.Step, ["outcome"] = Name(r.Result.Outcome) }).ToArray()),
        }, null, CancellationToken.None).ConfigureAwait(false);
        return outcome;
    }

    private static string Name(StepOutcome outcome) => outcome.ToString().ToLowerInvariant();

    /// <summary>
    /// Steps whose latest run in this case finished done: the ones a resumed response need not run again.
    /// A later start that did not finish done (incomplete, failed, or cut off) undoes an earlier done.
    /// </summary>
    public static Dictionary<string, StepResult> FinishedSteps(string caseDirectory)
    {
        var finished = new Dictionary<string, StepResult>(StringComparer.Ordinal);
        foreach (var e in JournalReader.Read(caseDirectory))
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
}

/// <summary>Every step that ran (or had run before a resume) and how it ended.</summary>
public sealed record ResponseOutcome(IReadOnlyList<(string Step, StepResult Result)> Steps)
{
    public StepOutcome Worst => Steps.Count == 0 ? StepOutcome.Done : Steps.Max(s => s.Result.Outcome);
}
