using Shodo.Investigation.Model;
using Shodo.Trail.Records;

namespace Shodo.Investigation.Identities;

/// <summary>
/// Other identities seen from the attacker's addresses, or with a user agent only the attacker used,
/// since the compromise began: reported as <see cref="Confidence.Related"/> — a lead, never a fact,
/// never contained automatically. The starting key's owner's usual addresses are not the attacker's and
/// are never pivoted on, so colleagues sharing an office address are not reported.
/// </summary>
public static class AddressPivot
{
    public static IReadOnlyList<AttackerIdentity> Related(IReadOnlyList<TrailRecord> records, ChainResult chain,
        IReadOnlySet<string> excludedKeys, IReadOnlySet<string> excludedArns)
    {
        if (chain.CompromiseStart is not { } start) return [];
        var attackerEvents = chain.AttackerEvents.Select(e => e.EventId).ToHashSet(StringComparer.Ordinal);
        var known = chain.Identities.Select(i => i.AccessKeyId).OfType<string>().ToHashSet(StringComparer.Ordinal);
        var knownUsers = chain.Identities.Where(i => i.Kind == IdentityKind.User).Select(i => i.Name).ToHashSet(StringComparer.Ordinal);
        var addresses = chain.Addresses.ToHashSet(StringComparer.Ordinal);
        // A user agent is a pivot only if no one but the attacker used it before the compromise.
        var agentsSeenBefore = records.Where(r => r.EventTime < start).Select(r => r.UserAgent).OfType<string>().ToHashSet(StringComparer.Ordinal);
        var agents = chain.UserAgents.Where(a => !agentsSeenBefore.Contains(a)).ToHashSet(StringComparer.Ordinal);

        var leads = records.Where(r => r.EventTime >= start && !attackerEvents.Contains(r.EventId)
                                       && r.AccessKeyId is { } k && !known.Contains(k) && !excludedKeys.Contains(k)
                                       && !(r.PrincipalArn is { } arn && excludedArns.Contains(arn))
                                       && !(r.UserName is { } u && knownUsers.Contains(u))
                                       && (r.SourceIp is { } ip && addresses.Contains(ip) || r.UserAgent is { } ua && agents.Contains(ua)))
            .GroupBy(r => r.AccessKeyId!);
        return leads.Select(g =>
        {
            var list = g.OrderBy(e => e.EventTime).ToList();
            var session = g.Key.StartsWith("ASIA", StringComparison.Ordinal);
            var viaAddress = list.Any(e => e.SourceIp is { } ip && addresses.Contains(ip));
            var reasons = Localization.LocalText.Of(viaAddress ? "IdentityRelatedAddress" : "IdentityRelatedAgent");
            return new AttackerIdentity
            {
                Id = $"{(session ? "session-key" : "access-key")}:{g.Key}",
                Kind = session ? IdentityKind.SessionKey : IdentityKind.AccessKey,
                Name = g.Key, AccessKeyId = g.Key, Owner = list[0].UserName, Arn = list[0].PrincipalArn,
                Confidence = Confidence.Related,
                Reason = Localization.LocalText.English(reasons), Reasons = reasons,
                FirstSeen = list[0].EventTime, LastSeen = list[^1].EventTime,
                SourceIps = list.Select(e => e.SourceIp).OfType<string>().Distinct().ToList(),
                UserAgents = list.Select(e => e.UserAgent).OfType<string>().Distinct().ToList(),
                EventIds = list.Select(e => e.EventId).ToList(),
            };
        }).ToList();
    }
}
