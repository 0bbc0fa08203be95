using Shodo.Investigation.Model;
using Shodo.Trail.Records;

namespace Shodo.Investigation.Identities;

/// <summary>
/// The attacker's identities (confirmed, then related), the events proven to be theirs, the addresses
/// and user agents they used, and when the compromise began (the first attacker event).
/// </summary>
public sealed record ChainResult(
    IReadOnlyList<AttackerIdentity> Identities,
    IReadOnlyList<TrailRecord> AttackerEvents,
    IReadOnlyList<string> Addresses,
    IReadOnlyList<string> UserAgents,
    DateTimeOffset? CompromiseStart,
    OwnerBaseline Baseline)
{
    public IEnumerable<AttackerIdentity> Confirmed => Identities.Where(i => i.Confidence == Confidence.Confirmed);
}
