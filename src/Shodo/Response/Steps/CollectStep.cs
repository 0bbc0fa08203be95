using Shodo.Escalation.Notices;
using Shodo.Evidence;

namespace Shodo.Response.Steps;

/// <summary>Records the account's state before anything is changed (<see cref="CollectionRunner"/>).</summary>
public sealed class CollectStep : IResponseStep
{
    public string Name => "collect";

    public async Task<StepResult> RunAsync(ResponseSession session, CancellationToken ct)
    {
        var runner = new CollectionRunner(session.Aws, session.Case, new CollectionOptions { Time = session.Time });
        var result = await runner.RunAsync(new CollectRegions(session.Progress, Name), ct).ConfigureAwait(false);
        var detail = Localization.Messages.Get("RespondCollected", result.Blobs, result.Regions.Count, result.Gaps.Count);
        await session.Milestones.NotifyAsync(Milestone.EvidenceCaptured, detail, ct).ConfigureAwait(false);
        return new StepResult(result.Complete ? StepOutcome.Done : StepOutcome.Incomplete, detail);
    }
}
