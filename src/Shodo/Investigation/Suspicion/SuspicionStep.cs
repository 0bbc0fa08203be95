using Shodo.Cases;
using Shodo.Evidence.Snapshot;
using Shodo.Investigation.Model;
using Shodo.Investigation.Sources;
using Shodo.Trail.Records;

namespace Shodo.Investigation.Suspicion;

/// <summary>
/// The investigation's hook for partial or blind sight: when an event source failed (LookupEvents denied or failing
/// in a region, log files unreadable) or nothing was read at all (no trail and no LookupEvents), weighs the recorded state
/// (<see cref="StateSuspicion"/>) and writes suspected.json (empty otherwise, so a resumed run does not keep stale suspects).
/// </summary>
public static class SuspicionStep
{
    public static async Task<IReadOnlyList<SuspectedTarget>> RunAsync(Case @case, AccountSnapshot state, IReadOnlyList<SourceGap> eventGaps,
        bool usesLookup, DateTimeOffset? compromiseStart, IReadOnlyList<string> startingKeys, string? ownerName, string? responderArn,
        IReadOnlyList<TrailRecord> records, IReadOnlyList<AttackerIdentity> identities, IReadOnlyList<AttackerResource> resources,
        CancellationToken ct)
    {
        IReadOnlyList<SuspectedTarget> suspected = [];
        var blind = eventGaps.Count > 0 || (state.Trails.Count == 0 && !usesLookup);
        var keysCreated = state.AccessKeys.Where(k => startingKeys.Contains(k.AccessKeyId)).Select(k => k.Created).Where(t => t is not null).Min();
        if (blind && (compromiseStart?.AddHours(-1) ?? keysCreated) is { } exposureFrom)
        {
            var notCandidates = new HashSet<string>(StringComparer.Ordinal);
            if (ownerName is not null) notCandidates.Add(ownerName);
            if (responderArn is { } arn && arn.Contains(":user/", StringComparison.Ordinal)) notCandidates.Add(arn[(arn.LastIndexOf('/') + 1)..]);
            var attributed = identities.Where(i => i.Kind == IdentityKind.User).Select(i => StateSuspicion.Key(ResourceTypes.User, i.Name))
                .Concat(identities.Select(i => i.Owner).OfType<string>().Select(o => StateSuspicion.Key(ResourceTypes.User, o)))
                .Concat(resources.Where(r => r.Type == ResourceTypes.User).Select(r => StateSuspicion.Key(ResourceTypes.User, r.ResourceId)))
                .Concat(resources.Where(r => r.Type == ResourceTypes.Instance).Select(r => StateSuspicion.Key(ResourceTypes.Instance, r.ResourceId)))
                .Concat(resources.Where(r => r.Type == ResourceTypes.SpotRequest).Select(r => StateSuspicion.Key(ResourceTypes.SpotRequest, r.ResourceId)))
                .Concat(resources.Where(r => r.Type is ResourceTypes.SharedDbSnapshot or ResourceTypes.SharedDbClusterSnapshot or ResourceTypes.OpenedBucket
                        or ResourceTypes.SharedEbsSnapshot or ResourceTypes.OutsideKmsGrant or ResourceTypes.OpenedKeyPolicy
                        or ResourceTypes.SharedImage)
                    .Select(r => StateSuspicion.Key(r.Type, r.ResourceId)))
                .ToHashSet(StringComparer.Ordinal);
            var admins = await AdminEquivalence.ReadAsync(state, StoredAnswers.Load(@case), ct).ConfigureAwait(false);
            suspected = StateSuspicion.Weigh(state, admins, exposureFrom, compromiseStart?.AddHours(-1), records, notCandidates, attributed);
        }
        await SuspectedFile.WriteAsync(@case, suspected, ct).ConfigureAwait(false);
        return suspected;
    }
}
