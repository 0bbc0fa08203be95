using System.Text.Json.Nodes;
using Shodo.Evidence.Snapshot;
using Shodo.Investigation.Model;
using Shodo.Localization;

namespace Shodo.Investigation.Impact;

/// <summary>
/// Each EBS snapshot the attacker shared out (its createVolumePermission given to outside accounts): a copy of the disk
/// can be made there — if the outside account can read it. An unencrypted snapshot it can; an encrypted one only with the
/// use of its KMS key (<see cref="KeyUse"/>): a key nobody outside may use leaves the copy unreadable. "Unknown", naming
/// what was not read, when the snapshot or its key was not collected.
/// <para>
/// And each snapshot the account owns that the collected state shows open (createVolumePermission to another account, or
/// <c>all</c>) with no attacker event explaining it — blind mode, a region whose events were not read, a share older than
/// the sources: still a door open to the outside, reported as such and not attributed (who opened it, and whether a copy
/// was made, the sources do not say). Any account but the owner counts as outside: the organisation's members are not
/// collected, as for a DB snapshot's restore attribute.
/// </para>
/// </summary>
public sealed class EbsSnapshotExposure(AccountSnapshot state, IReadOnlyList<AttackerResource> resources)
{
    private readonly KeyUse _keys = new(state);

    public IEnumerable<DataExposure> Assess()
    {
        var attributed = resources.Where(r => r.Type == ResourceTypes.SharedEbsSnapshot).GroupBy(r => (r.Region ?? "", r.ResourceId)).ToList();
        var explained = attributed.Select(g => g.Key).ToHashSet();
        return attributed.Select(Shared).Concat(state.EbsSnapshots
            .Where(s => s.CreateVolumePermissions is { Count: > 0 } && !explained.Contains((s.Region, s.SnapshotId))).Select(Unexplained));
    }

    private static DataExposure Unexplained(EbsSnapshotFact snapshot)
    {
        var outside = snapshot.CreateVolumePermissions!.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        var explanation = LocalText.Of("ExposureSnapshotSharedBefore", string.Join(", ", outside));
        return new DataExposure
        {
            Kind = "ebs-snapshot", Name = snapshot.SnapshotId, Region = snapshot.Region,
            PersonalData = PersonalData.IsMarked(snapshot.SnapshotId, new Dictionary<string, string>()), Reachable = null,
            Accessed = AccessVerdict.Unknown, Explanation = LocalText.English(explanation), Explanations = explanation,
            SharedWith = outside, Unknowable = ["shared-before-sources"],
        };
    }

    private DataExposure Shared(IGrouping<(string Region, string Id), AttackerResource> shares)
    {
        var (region, id) = shares.Key;
        var sharedWith = shares.SelectMany(r => (r.Attributes["sharedWith"] as JsonArray)?.Select(v => (string?)v) ?? []).OfType<string>()
            .Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        var reach = Reach(region, id, sharedWith);
        var explanation = LocalText.Of("ExposureEbsSnapshotShared", string.Join(", ", sharedWith));
        return new DataExposure
        {
            Kind = "ebs-snapshot", Name = id, Region = region, PersonalData = PersonalData.IsMarked(id, new Dictionary<string, string>()),
            Reachable = reach.Reachable, ReachableThrough = reach.Through, ReachUnknown = reach.Reachable is null ? reach.Unknown.Select(g => g.English).ToList() : [],
            ReachUnknownTexts = reach.Reachable is null ? reach.Unknown.Select(g => g.Texts).ToList() : [],
            Accessed = AccessVerdict.Accessed, Explanation = LocalText.English(explanation), Explanations = explanation,
            SharedWith = sharedWith, EventIds = shares.SelectMany(r => r.EventIds).Distinct().ToList(),
        };
    }

    private ReadReach Reach(string region, string id, IReadOnlyList<string> sharedWith)
    {
        if (state.EbsSnapshots.FirstOrDefault(s => s.Region == region && s.SnapshotId == id) is not { } snapshot)
            return new ReadReach(null, [], [ReachGap.Of("ReachEbsSnapshotNotRead", id)]);
        if (!snapshot.Encrypted) return ReadReach.Yes([$"EBS snapshot {id} shared unencrypted with {string.Join(", ", sharedWith)}"]);
        return _keys.ByOutside(region, snapshot.KmsKeyId, sharedWith);
    }
}
