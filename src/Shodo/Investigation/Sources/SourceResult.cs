using Shodo.Trail.Records;

namespace Shodo.Investigation.Sources;

/// <summary>What one source produced: its records (duplicates possible across sources) and its gaps.</summary>
public sealed record SourceResult(IReadOnlyList<TrailRecord> Records, IReadOnlyList<SourceGap> Gaps)
{
    public static SourceResult Empty { get; } = new([], []);

    public static SourceResult Combine(IEnumerable<SourceResult> results)
    {
        var list = results.ToList();
        return new SourceResult(list.SelectMany(r => r.Records).ToList(), list.SelectMany(r => r.Gaps).ToList());
    }
}
