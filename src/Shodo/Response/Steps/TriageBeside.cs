using System.Runtime.CompilerServices;
using Shodo.Investigation.Triage;

namespace Shodo.Response.Steps;

/// <summary>
/// Triage beside the snapshot: with no key or user to start from, the candidates come from the window's events and
/// targeted reads of the principals they name (<see cref="TriageRunner"/> with <see cref="TriageOptions.SnapshotUnderway"/>),
/// started with the collection and presented as soon as they are ranked, while the whole account is still being recorded.
/// The triage step, after the collection, takes the result and checks it against the finished snapshot. Started only beside a collection begun now: on a resume
/// whose snapshot has finished, the triage step triages against it as before.
/// </summary>
public static class TriageBeside
{
    private static readonly ConditionalWeakTable<ResponseSession, Task<(TriageResult Result, TriageRunner Runner)>> Underway = new();

    /// <summary>Starts triage in the background when this response triages and a collection has just begun beside it.</summary>
    public static void Begin(ResponseSession session, CancellationToken ct)
    {
        if (session.Request.AccessKeyId is not null || session.Request.UserName is not null) return;
        if (session.CollectionUnderway is not { } collection || Underway.TryGetValue(session, out _)) return;
        var runner = new TriageRunner(session.Aws, session.Case, new TriageOptions
        {
            Since = session.Request.Since, Time = session.Time,
            SnapshotUnderway = c => collection.WaitAsync(c),
        }, session.Responder);
        Underway.AddOrUpdate(session, Task.Run(async () =>
        {
            var result = await runner.RunAsync(new InvestigateRegions(session.Progress, TriageStep.StepName), ct).ConfigureAwait(false);
            await TriageStep.PresentAsync(session, result, ct).ConfigureAwait(false);
            return (result, runner);
        }, ct));
    }

    /// <summary>
    /// The triage begun beside the collection (presented already) and its runner, to check it against the finished
    /// snapshot (<see cref="TriageRunner.ReconcileAsync"/>); null when none was begun.
    /// </summary>
    public static Task<(TriageResult Result, TriageRunner Runner)>? Take(ResponseSession session) =>
        Underway.TryGetValue(session, out var task) && Underway.Remove(session) ? task : null;
}
