using Shodo.Trail.Records;

namespace Shodo.Investigation.Timeline;

/// <summary>
/// One record per eventID across sources. A log-file copy is preferred (it carries data-event fields
/// LookupEvents drops); every source that had the event is kept.
/// </summary>
public static class RecordDeduplication
{
    public static (IReadOnlyList<TrailRecord> Records, IReadOnlyDictionary<string, IReadOnlyList<string>> Sources) Distinct(
        IEnumerable<TrailRecord> records)
    {
        var groups = records.GroupBy(r => r.EventId, StringComparer.Ordinal).ToList();
        var chosen = groups.Select(g => g.OrderBy(r => r.Source.StartsWith("lookup:", StringComparison.Ordinal) ? 1 : 0).First())
            .OrderBy(r => r.EventTime).ThenBy(r => r.EventId, StringComparer.Ordinal).ToList();
        var sources = groups.ToDictionary(g => g.Key,
            g => (IReadOnlyList<string>)g.Select(r => r.Source).Distinct().Order(StringComparer.Ordinal).ToList(), StringComparer.Ordinal);
        return (chosen, sources);
    }
}
