using Shodo.Evidence;

namespace Shodo.Response.Steps;

/// <summary>
/// Collection's lanes (the global lane and one per region) as <see cref="RegionProgress"/>: running
/// while its collectors work (finished / total collectors, responses stored so far), done or with gaps
/// when the lane ends.
/// </summary>
internal sealed class CollectRegions(IResponseProgress progress, string step) : ICollectionProgress
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, RegionProgress> _lanes = new(StringComparer.Ordinal);

    public void LaneStarted(string lane, int collectors) =>
        Report(lane, _ => new RegionProgress(lane, RegionState.Running, 0, collectors, 0, 0));

    public void CollectorFinished(string lane, string collector, int blobs, int gaps) =>
        Report(lane, r => r with { Finished = r.Finished + 1, Records = r.Records + blobs, Gaps = r.Gaps + gaps });

    public void LaneFinished(string lane, int blobs, int gaps) =>
        Report(lane, r => r with
        {
            State = gaps == 0 ? RegionState.Done : RegionState.Gap, Finished = r.Total, Records = blobs, Gaps = gaps, Settled = true,
        });

    private void Report(string lane, Func<RegionProgress, RegionProgress> change)
    {
        lock (_gate)
        {
            var next = change(_lanes.GetValueOrDefault(lane) ?? new RegionProgress(lane, RegionState.Running, 0, 0, 0, 0));
            _lanes[lane] = next;
            progress.Region(step, next);
        }
    }
}
