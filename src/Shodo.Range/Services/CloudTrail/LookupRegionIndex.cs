using System.Runtime.CompilerServices;
using Shodo.Range.State;

namespace Shodo.Range.Services.CloudTrail;

/// <summary>
/// Where each region's management events are in <see cref="RangeState.Calls"/>, so that one LookupEvents page reads its
/// region's events instead of the whole account's history: every page used to walk every call recorded (a million and
/// more on <c>large-account</c>) under the state's lock, and a response that reads events beside its collection, as AWS
/// lets it, made every other call of the range wait. Caught up with the calls recorded since the last page; built again
/// when the list no longer holds what it saw (a saved state loaded). Read and updated under the state's lock only.
/// </summary>
internal sealed class LookupRegionIndex
{
    private static readonly ConditionalWeakTable<List<CallRecord>, LookupRegionIndex> Indexes = new();

    private readonly Dictionary<string, List<int>> _byRegion = new(StringComparer.Ordinal);
    private int _seen;
    private CallRecord? _last;

    /// <summary>The positions, in order, of the management events of <paramref name="region"/> in <paramref name="calls"/>.</summary>
    public static IReadOnlyList<int> Of(List<CallRecord> calls, string region)
    {
        var index = Indexes.GetValue(calls, _ => new LookupRegionIndex());
        index.CatchUp(calls);
        return index._byRegion.TryGetValue(region, out var positions) ? positions : [];
    }

    private void CatchUp(List<CallRecord> calls)
    {
        if (calls.Count < _seen || _seen > 0 && !ReferenceEquals(calls[_seen - 1], _last))
        {
            _byRegion.Clear();
            _seen = 0;
        }
        for (; _seen < calls.Count; _seen++)
        {
            var c = calls[_seen];
            if (c.EventCategory != "Management") continue;
            if (!_byRegion.TryGetValue(c.Region, out var positions)) _byRegion[c.Region] = positions = [];
            positions.Add(_seen);
        }
        _last = _seen > 0 ? calls[_seen - 1] : null;
    }
}
