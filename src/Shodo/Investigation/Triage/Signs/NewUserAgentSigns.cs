using Shodo.Localization;
using Shodo.Investigation.Identities;

namespace Shodo.Investigation.Triage.Signs;

/// <summary>
/// A key calling with a kind of client (<see cref="UserAgentFamily"/>) it did not use in its baseline.
/// Only keys that have a baseline: for a key never used before, the new address already says it.
/// </summary>
public sealed class NewUserAgentSigns : ISignDetector
{
    public string Kind => SignKinds.NewUserAgent;

    public IEnumerable<Sign> Detect(TriageContext context)
    {
        foreach (var group in context.RecentByCandidate())
        {
            if (!context.Baselines.TryGetValue(group.Key, out var baseline) || baseline.Count == 0) continue;
            var known = baseline.Select(e => e.UserAgent).OfType<string>().Select(UserAgentFamily.Of).ToHashSet(StringComparer.Ordinal);
            foreach (var byFamily in group.Where(e => e.UserAgent is not null && AwsAddresses.IsActorAddress(e.SourceIp))
                         .GroupBy(e => UserAgentFamily.Of(e.UserAgent!), StringComparer.Ordinal)
                         .Where(g => !known.Contains(g.Key)))
            {
                var events = byFamily.OrderBy(e => e.EventTime).ToList();
                var summary = LocalText.Of("SignNewUserAgent", events.Count, events[0].UserAgent);
                yield return new Sign(Kind, group.Key, summary, events[0].EventTime, events.Select(e => e.EventId).Take(20).ToList(),
                    events.Select(e => e.Region).OfType<string>().Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList());
            }
        }
    }
}
