using Shodo.Trail.Records;

namespace Shodo.Investigation.Identities;

/// <summary>
/// How the starting key's legitimate owner uses it, so the attacker's use can be told apart: the
/// addresses (and user agents) the key used before the cut — <c>--since</c>, or one day after the key's
/// first event in the sources when its history spans more than a day. A key whose whole history is
/// shorter than a day, or which has no use before <c>--since</c>, has no baseline: all its use is the
/// attacker's. An event of the key after the cut from an address outside the baseline is the attacker's;
/// the owner's own office address, shared with colleagues, never becomes an attacker address.
/// </summary>
public sealed record OwnerBaseline(DateTimeOffset? Cut, IReadOnlySet<string> Addresses, IReadOnlySet<string> UserAgents)
{
    public static OwnerBaseline For(IReadOnlyList<TrailRecord> keyEvents, DateTimeOffset? since)
    {
        var ordered = keyEvents.OrderBy(e => e.EventTime).ToList();
        if (ordered.Count == 0) return new OwnerBaseline(since, new HashSet<string>(), new HashSet<string>());
        var cut = since ?? (ordered[^1].EventTime - ordered[0].EventTime > TimeSpan.FromDays(1) ? ordered[0].EventTime.AddDays(1) : ordered[0].EventTime);
        var before = ordered.Where(e => e.EventTime < cut).ToList();
        return new OwnerBaseline(cut,
            before.Select(e => e.SourceIp).OfType<string>().ToHashSet(StringComparer.Ordinal),
            before.Select(e => e.UserAgent).OfType<string>().ToHashSet(StringComparer.Ordinal));
    }

    /// <summary>The key's event is the attacker's: after the cut, from an address the owner did not use.</summary>
    public bool IsAttacker(TrailRecord e) =>
        (Cut is null || e.EventTime >= Cut) && (e.SourceIp is null || !Addresses.Contains(e.SourceIp));
}
