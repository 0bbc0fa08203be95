using Shodo.Evidence;

namespace Shodo.Investigation.Sight;

/// <summary>
/// What the investigation's event sources saw, typed once from coverage.json: per region whether CloudTrail's
/// LookupEvents was read, read in part, failed (and why) or not enabled; which trail buckets were read; and one
/// <see cref="Verdict"/>: <c>complete</c> (every source read), <c>partial</c> (some events not read) or <c>blind</c>
/// (no event source could be read at all, or the investigation recorded nothing of what it read). Every statement a
/// report makes about the attacker's actions rests on it: complete gives a figure, partial "at least", blind "unknown".
/// </summary>
public sealed record EventSight(string Verdict, IReadOnlyList<RegionSight> Regions, IReadOnlyList<string> LogBucketsRead,
    IReadOnlyList<SightGap> Gaps)
{
    public const string Complete = "complete";
    public const string Partial = "partial";
    public const string Blind = "blind";

    public bool IsComplete => Verdict == Complete;
    public bool IsBlind => Verdict == Blind;

    /// <summary>Regions whose events were not (all) read.</summary>
    public IReadOnlyList<RegionSight> Unread => Regions.Where(r => r.Status is RegionSight.Failed or RegionSight.PartlyRead).ToList();

    /// <summary>The reasons nothing (or not everything) was read: distinct codes, else the kinds of the gaps.</summary>
    public IReadOnlyList<string> Reasons => Gaps.Select(g => g.Code ?? g.Kind).Distinct(StringComparer.Ordinal).ToList();

    public static EventSight FromCoverage(CoverageDocument? coverage)
    {
        if (coverage?.Investigation is not { } investigation)
            return new EventSight(Blind, [], [], [new SightGap("investigation", null, "NotRecorded", null, "the investigation recorded nothing of what it read")]);
        var gaps = investigation.Gaps.Select(g => new SightGap(g.Source ?? "?", g.Region, g.Kind ?? "Failed", g.Code, g.Message)).ToList();
        var usesLookup = investigation.LookupEvents;
        var buckets = investigation.LogBucketsRead.OfType<string>().ToList();
        var regionNames = (coverage.Regions ?? []).OfType<string>()
            .Concat(gaps.Where(g => g.IsLookup && g.Region is not null).Select(g => g.Region!)).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        var regions = regionNames.Select(region =>
        {
            var here = gaps.Where(g => g.IsLookup && g.Region == region).ToList();
            if (!usesLookup) return new RegionSight(region, RegionSight.NotRead, null);
            if (here.Any(g => g.Kind == "RegionNotEnabled")) return new RegionSight(region, RegionSight.NotEnabled, null);
            if (here.FirstOrDefault(g => g.Kind is not "Unreadable") is { } failed) return new RegionSight(region, RegionSight.Failed, failed.Code ?? failed.Kind);
            if (here.Count > 0) return new RegionSight(region, RegionSight.PartlyRead, here[0].Code ?? here[0].Kind);
            return new RegionSight(region, RegionSight.Read, null);
        }).ToList();
        var lookupRead = regions.Any(r => r.Status is RegionSight.Read or RegionSight.PartlyRead);
        var verdict = gaps.Count == 0 && investigation.Complete != false ? Complete
            : !lookupRead && buckets.Count == 0 ? Blind
            : Partial;
        return new EventSight(verdict, regions, buckets, gaps);
    }
}

/// <summary>One region's CloudTrail events: <c>read</c>, <c>partly-read</c>, <c>failed</c> (with why), <c>not-enabled</c> or <c>not-read</c>.</summary>
public sealed record RegionSight(string Region, string Status, string? Reason)
{
    public const string Read = "read";
    public const string PartlyRead = "partly-read";
    public const string Failed = "failed";
    public const string NotEnabled = "not-enabled";
    public const string NotRead = "not-read";
}

/// <summary>One thing an event source could not read (coverage.json's investigation gap).</summary>
public sealed record SightGap(string Source, string? Region, string Kind, string? Code, string? Message)
{
    public bool IsLookup => Source.StartsWith("lookup:", StringComparison.Ordinal);
}
