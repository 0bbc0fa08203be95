using System.Collections.Concurrent;
using Shodo.Trail;
using Shodo.Trail.Lookup;
using Shodo.Trail.Records;

namespace Shodo.Investigation.Sources.Lookup;

/// <summary>
/// The LookupEvents reads one response has made, by query and region (the pursuit's, the investigation's, each look of the
/// watch): a later read of the same query asks AWS only for what may have arrived since and takes the rest from what was
/// read. CloudTrail shows an event up to 15 minutes after its time (<see cref="DeliveryMargin"/>), so "since" is that long
/// before the newest event the earlier read saw — by the trail's own clock, not ours. Only a whole read (every page, no gap)
/// is remembered; a region read with a gap is read again in full.
/// </summary>
public sealed class LookupsRead
{
    /// <summary>How late LookupEvents may show an event after its time.</summary>
    public static readonly TimeSpan DeliveryMargin = TimeSpan.FromMinutes(15);

    private readonly ConcurrentDictionary<(string? Key, string? Value, string Region), Read> _reads = new();

    private sealed record Read(DateTimeOffset? Since, DateTimeOffset NewestSeen, IReadOnlyList<TrailRecord> Records);

    /// <summary>A whole read of <paramref name="query"/> in <paramref name="region"/>, open-ended, started at <paramref name="startedAt"/>.</summary>
    public void Remember(LookupQuery query, string region, DateTimeOffset startedAt, IReadOnlyList<TrailRecord> records)
    {
        if (query.Window.Until is not null || records.Count == 0) return;
        var newest = records.Max(r => r.EventTime);
        _reads[(query.AttributeKey, query.AttributeValue, region)] =
            new Read(query.Window.Since, newest < startedAt ? newest : startedAt, records);
    }

    /// <summary>
    /// What is left to ask AWS for <paramref name="query"/> in <paramref name="region"/>, and the records already read that fall in
    /// its window; null when no earlier whole read covers the window's start.
    /// </summary>
    public (LookupQuery Remaining, IReadOnlyList<TrailRecord> Known)? Cover(LookupQuery query, string region)
    {
        if (query.Window.Until is not null || !_reads.TryGetValue((query.AttributeKey, query.AttributeValue, region), out var read))
            return null;
        if (read.Since is { } earlier && (query.Window.Since is not { } since || since < earlier)) return null;
        var from = read.NewestSeen - DeliveryMargin;
        if (query.Window.Since is { } start && start > from) from = start;
        var known = read.Records.Where(r => query.Window.Since is not { } s || r.EventTime >= s).ToList();
        return (query with { Window = new TrailWindow(from, null) }, known);
    }
}
