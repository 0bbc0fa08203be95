using Shodo.Investigation;

namespace Shodo.Response.Steps;

/// <summary>
/// The investigation's LookupEvents reads per region as <see cref="RegionProgress"/>: a region runs
/// while any query reads it, and is done (or has gaps) when the last query in flight there ends;
/// <see cref="RegionProgress.Finished"/> counts the queries finished, <see cref="RegionProgress.Records"/>
/// the events read, over every query of the step. When the investigation moves past its LookupEvents
/// reads (a step after <c>resolve</c> and <c>lookup</c>), every region is reported once more, settled.
/// Step notes pass through.
/// </summary>
internal sealed class InvestigateRegions(IResponseProgress progress, string step) : IInvestigationProgress
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, RegionProgress> _regions = new(StringComparer.Ordinal);
    private bool _settled;

    public void Step(string name, string detail)
    {
        if (name is not ("resolve" or "lookup"))
            lock (_gate)
                if (!_settled)
                {
                    _settled = true;
                    foreach (var region in _regions.Values.OrderBy(r => r.Region, StringComparer.Ordinal).ToList())
                        Report(region with { Settled = true });
                }
        progress.Note(step, $"{name}: {detail}");
    }

    public void SourceRead(string source, int records, int gaps) { }

    public void RegionStarted(string source, string region)
    {
        lock (_gate)
        {
            var r = _regions.GetValueOrDefault(region) ?? new RegionProgress(region, RegionState.Pending, 0, 0, 0, 0);
            Report(r with { State = RegionState.Running, Total = r.Total + 1 });
        }
    }

    public void RegionRead(string source, string region, int records, int gaps)
    {
        lock (_gate)
        {
            var r = _regions.GetValueOrDefault(region) ?? new RegionProgress(region, RegionState.Running, 0, 1, 0, 0);
            var finished = r.Finished + 1;
            var state = finished < r.Total ? RegionState.Running : r.Gaps + gaps > 0 ? RegionState.Gap : RegionState.Done;
            Report(r with { State = state, Finished = finished, Records = r.Records + records, Gaps = r.Gaps + gaps });
        }
    }

    private void Report(RegionProgress region)
    {
        _regions[region.Region] = region;
        progress.Region(step, region);
    }
}
