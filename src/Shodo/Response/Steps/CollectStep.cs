using Shodo.Escalation.Notices;
using Shodo.Evidence;

namespace Shodo.Response.Steps;

/// <summary>
/// Records the account's state before anything is changed (<see cref="CollectionRunner"/>). Run again on
/// <c>--resume</c> after a collection that finished, it tries again only the calls AWS throttled, failed or
/// did not answer (<see cref="CollectionRunner.RetryGapsAsync"/>); the step stays resumable while any such gap remains.
/// </summary>
public sealed class CollectStep : IResponseStep
{
    public string Name => StepName;

    public const string StepName = "collect";

    /// <summary>
    /// Starts recording the account in the background (the pursuit runs beside it), unless a collection has finished
    /// already: then this step tries its gaps again itself.
    /// </summary>
    public static void Begin(ResponseSession session, CancellationToken ct)
    {
        if (session.CollectionUnderway is not null || CollectionRunner.HasFinishedCollection(session.Case)) return;
        var runner = new CollectionRunner(session.Aws, session.Case, new CollectionOptions { Time = session.Time });
        session.CollectionUnderway = Task.Run(() => runner.RunAsync(new CollectRegions(session.Progress, StepName), ct), ct);
    }

    public async Task<StepResult> RunAsync(ResponseSession session, CancellationToken ct)
    {
        // The collection the pursuit started, or one started now; after a finished one, only its gaps again.
        var again = session.CollectionUnderway is null && CollectionRunner.HasFinishedCollection(session.Case);
        if (!again) Begin(session, ct);
        TriageBeside.Begin(session, ct); // with no key: the candidates from the events while the snapshot is recorded
        var result = again
            ? await new CollectionRunner(session.Aws, session.Case, new CollectionOptions { Time = session.Time })
                .RetryGapsAsync(new CollectRegions(session.Progress, Name), ct).ConfigureAwait(false)
            : await session.CollectionUnderway!.ConfigureAwait(false);
        session.CollectionUnderway = null;
        var detail = Localization.Messages.Get("RespondCollected", result.Blobs, result.Regions.Count, result.Gaps.Count);
        if (!again) await session.Milestones.NotifyAsync(Milestone.EvidenceCaptured, detail, ct).ConfigureAwait(false);
        return new StepResult(result.Complete ? StepOutcome.Done : StepOutcome.Incomplete, detail)
        {
            Resumable = result.Gaps.Any(g => GapKinds.IsTransient(g.Kind)),
        };
    }
}
