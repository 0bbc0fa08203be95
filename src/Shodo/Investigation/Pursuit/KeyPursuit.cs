using Shodo.Aws.Connection;
using Shodo.Cases;
using Shodo.Evidence.Snapshot;
using Shodo.Investigation.Identities;
using Shodo.Investigation.Model;
using Shodo.Investigation.Resources;
using Shodo.Investigation.Sources;
using Shodo.Investigation.Sources.Lookup;
using Shodo.Trail;
using Shodo.Trail.Lookup;
using Shodo.Trail.Records;

namespace Shodo.Investigation.Pursuit;

/// <summary>
/// The attacker's trail as far as a few LookupEvents reads show it, while the account is still being recorded: the
/// leaked key's events in every region, then every event since the compromise began (so the keys and sessions it
/// minted and what they did are read in the same round), followed to a fixed point by <see cref="IdentityChain"/>.
/// What it attributes goes to containment at once; the investigation later reads every source and the whole
/// snapshot, and decides again. Every page read is stored as evidence.
/// </summary>
public sealed class KeyPursuit(AwsConnection aws, Case @case, TimeProvider time)
{
    public async Task<PursuitResult> RunAsync(string leakedKey, string? ownerUserName, DateTimeOffset? since, IReadOnlyList<string> regions,
        CancellationToken ct)
    {
        var source = new LookupEventsSource(aws, @case, time);
        var window = new TrailWindow(since, null);
        var first = await source.ReadAsync(LookupQuery.AccessKey(leakedKey, window), regions, ct).ConfigureAwait(false);
        var responderKey = (await aws.Credentials.GetCredentialsAsync().ConfigureAwait(false)).AccessKey;
        var excluded = new HashSet<string>(StringComparer.Ordinal) { responderKey };
        var start = new IdentityChain(first.Records).Follow(leakedKey, ownerUserName, since, excluded);
        if (start.AttackerEvents.Count == 0)
            return new PursuitResult([], [], first.Gaps, first.Records.Count);

        // Everything since an hour before the first attacker event: the minted credentials' own events come in the same read.
        var from = since ?? start.CompromiseStart?.AddHours(-1);
        var everything = await source.ReadAsync(LookupQuery.Everything(new TrailWindow(from, null)), regions, ct).ConfigureAwait(false);
        var records = first.Records.Concat(everything.Records).DistinctBy(r => r.EventId).ToList();
        var chain = new IdentityChain(records).Follow(leakedKey, ownerUserName, since, excluded);
        var resources = await SpotLaunches.AddAsync(aws, new AttackerResourceFinder(new AccountSnapshot(), chain).Find(), ct).ConfigureAwait(false);
        return new PursuitResult(chain.Confirmed.ToList(), resources, [.. first.Gaps, .. everything.Gaps], records.Count);
    }
}

/// <summary>What a pursuit attributed (confirmed identities, resources from their events), and what it could not read.</summary>
public sealed record PursuitResult(IReadOnlyList<AttackerIdentity> Identities, IReadOnlyList<AttackerResource> Resources,
    IReadOnlyList<SourceGap> Gaps, int RecordsRead)
{
    /// <summary>Something beyond the leaked key itself: another identity or a resource.</summary>
    public bool FoundMore => Identities.Count > 1 || Resources.Count > 0;
}
