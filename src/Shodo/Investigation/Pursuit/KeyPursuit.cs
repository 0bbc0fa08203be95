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
/// The attacker's trail as far as a few LookupEvents reads (or a member's folder of the organisation trail,
/// <see cref="PursuitEvents"/>) show it, while the account is still being recorded: the
/// leaked key's events in every region, then every event since the compromise began (so the keys and sessions it
/// minted and what they did are read in the same round), followed to a fixed point by <see cref="IdentityChain"/>.
/// What it attributes goes to containment at once; the investigation later reads every source and the whole
/// snapshot, and decides again. Every page read is stored as evidence.
/// </summary>
public sealed class KeyPursuit(AwsConnection aws, Case @case, TimeProvider time, LookupsRead? alreadyRead = null, PursuitEvents? events = null)
{
    private readonly PursuitEvents _source = events ?? PursuitEvents.For(aws, @case, time, alreadyRead, null);

    /// <summary>Where the events were read: LookupEvents, or a member's folder of the organisation trail (<see cref="PursuitEvents"/>).</summary>
    public string Source => _source.Source;

    /// <summary>Both reads, one after the other.</summary>
    public async Task<PursuitResult> RunAsync(string leakedKey, string? ownerUserName, DateTimeOffset? since, IReadOnlyList<string> regions,
        CancellationToken ct) =>
        await FollowAsync(await StartAsync(leakedKey, ownerUserName, since, regions, ct).ConfigureAwait(false), ct).ConfigureAwait(false);

    /// <summary>
    /// The leaked key's own events in every region: enough to name the users, keys and sessions it minted itself, which
    /// can be cut while the rest is read (<see cref="PursuitStart.Attributed"/>).
    /// </summary>
    public async Task<PursuitStart> StartAsync(string leakedKey, string? ownerUserName, DateTimeOffset? since, IReadOnlyList<string> regions,
        CancellationToken ct)
    {
        var first = await _source.KeyAsync(leakedKey, new TrailWindow(since, null), regions, ct).ConfigureAwait(false);
        var responderKey = (await aws.Credentials.GetCredentialsAsync().ConfigureAwait(false)).AccessKey;
        var excluded = new HashSet<string>(StringComparer.Ordinal) { responderKey };
        var chain = new IdentityChain(first.Records).Follow(leakedKey, ownerUserName, since, excluded);
        return new PursuitStart(leakedKey, ownerUserName, since, regions, excluded, first, chain, Attribute(chain));
    }

    /// <summary>
    /// Every event since an hour before the first attacker event, in every region: the minted credentials' own events come in
    /// the same read, followed to a fixed point.
    /// </summary>
    public async Task<PursuitResult> FollowAsync(PursuitStart start, CancellationToken ct)
    {
        if (start.Chain.AttackerEvents.Count == 0)
            return new PursuitResult([], [], start.First.Gaps, start.First.Records.Count) { Source = Source };
        var from = start.Since ?? start.Chain.CompromiseStart?.AddHours(-1);
        var everything = await _source.EverythingAsync(new TrailWindow(from, null), start.Regions, ct).ConfigureAwait(false);
        var records = start.First.Records.Concat(everything.Records).DistinctBy(r => r.EventId).ToList();
        var chain = new IdentityChain(records).Follow(start.LeakedKey, start.OwnerUserName, start.Since, start.Excluded);
        var resources = await SpotLaunches.AddAsync(aws, Attribute(chain).Resources, ct).ConfigureAwait(false);
        return new PursuitResult(chain.Confirmed.ToList(), resources, [.. start.First.Gaps, .. everything.Gaps], records.Count) { Source = Source };
    }

    private static PursuitResult Attribute(ChainResult chain) =>
        new(chain.Confirmed.ToList(), new AttackerResourceFinder(new AccountSnapshot(), chain).Find(), [], chain.AttackerEvents.Count);
}

/// <summary>A pursuit's reading under way: the leaked key's own events read, every other event since the compromise being read.</summary>
public sealed record PursuitReading(PursuitStart Start, Task<PursuitResult> Following)
{
    /// <summary>Where its events were read (<see cref="KeyPursuit.Source"/>).</summary>
    public string? Source { get; init; }
}

/// <summary>The first read of a pursuit: the leaked key's events, and what they alone attribute.</summary>
public sealed record PursuitStart(string LeakedKey, string? OwnerUserName, DateTimeOffset? Since, IReadOnlyList<string> Regions,
    IReadOnlySet<string> Excluded, SourceResult First, ChainResult Chain, PursuitResult Attributed);

/// <summary>What a pursuit attributed (confirmed identities, resources from their events), and what it could not read.</summary>
public sealed record PursuitResult(IReadOnlyList<AttackerIdentity> Identities, IReadOnlyList<AttackerResource> Resources,
    IReadOnlyList<SourceGap> Gaps, int RecordsRead)
{
    /// <summary>Where its events were read, once both reads are done (<see cref="KeyPursuit.Source"/>: a fallback shows only then).</summary>
    public string? Source { get; init; }

    /// <summary>Something beyond the leaked key itself: another identity or a resource.</summary>
    public bool FoundMore => Identities.Count > 1 || Resources.Count > 0;
}
