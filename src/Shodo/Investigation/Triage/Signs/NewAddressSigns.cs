using Shodo.Localization;
using Shodo.Investigation.Identities;

namespace Shodo.Investigation.Triage.Signs;

/// <summary>
/// A key calling from an address it did not use in its baseline. One sign per key and new address; a
/// key with no use before the window has every address new. AWS's own service "addresses" are ignored.
/// </summary>
public sealed class NewAddressSigns : ISignDetector
{
    public string Kind => SignKinds.NewAddress;

    public IEnumerable<Sign> Detect(TriageContext context)
    {
        foreach (var group in context.RecentByCandidate())
        {
            if (!context.Baselines.TryGetValue(group.Key, out var baseline)) continue;
            var known = baseline.Select(e => e.SourceIp).OfType<string>().ToHashSet(StringComparer.Ordinal);
            foreach (var byAddress in group.Where(e => AwsAddresses.IsActorAddress(e.SourceIp) && !known.Contains(e.SourceIp!))
                         .GroupBy(e => e.SourceIp!, StringComparer.Ordinal))
            {
                var events = byAddress.OrderBy(e => e.EventTime).ToList();
                var summary = baseline.Count == 0
                    ? LocalText.Of("SignNewAddressNoBaseline", events.Count, byAddress.Key)
                    : LocalText.Of("SignNewAddress", events.Count, byAddress.Key, string.Join(", ", known.Order(StringComparer.Ordinal).Take(5)));
                yield return new Sign(Kind, group.Key, summary, events[0].EventTime, events.Select(e => e.EventId).Take(20).ToList(),
                    events.Select(e => e.Region).OfType<string>().Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList());
            }
        }
    }
}
