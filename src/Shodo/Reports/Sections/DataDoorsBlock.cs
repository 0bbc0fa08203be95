using System.Text.Json.Nodes;
using Shodo.Containment;
using Shodo.Containment.Doors;
using Shodo.Investigation.Model;
using Shodo.Reports.Document;

namespace Shodo.Reports.Sections;

/// <summary>
/// The doors to the data the attacker opened (snapshots and images shared out, buckets opened, the account's Block Public Access
/// weakened, RAM shares, KMS grants and key policies letting another account in), per store: to whom it was open, since when (the
/// sharing the events show), what Shodo closed and when (from the journal), and what it did not close and why. Nothing
/// when the investigation found no such door.
/// </summary>
public static class DataDoorsBlock
{
    private static readonly IReadOnlyDictionary<string, string> KindOf = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        [ResourceTypes.SharedDbSnapshot] = TargetKinds.DbSnapshot,
        [ResourceTypes.SharedEbsSnapshot] = TargetKinds.EbsSnapshot,
        [ResourceTypes.OpenedBucket] = TargetKinds.Bucket,
        [ResourceTypes.SharedDbClusterSnapshot] = TargetKinds.DbClusterSnapshot,
        [ResourceTypes.SharedImage] = TargetKinds.Image,
        [ResourceTypes.OpenedKeyPolicy] = TargetKinds.KmsKeyPolicy,
        [ResourceTypes.WeakenedAccountPublicAccessBlock] = TargetKinds.AccountPublicAccessBlock,
    };

    public static IEnumerable<ReportBlock> Build(ReportContext r)
    {
        var t = r.Text;
        var doors = r.Facts.Resources.Where(d => KindOf.ContainsKey(d.Type) || d.Type == ResourceTypes.SharedResourceShare
                                                 || d.Type == ResourceTypes.OutsideKmsGrant || d.Type == ResourceTypes.WeakenedAccountPublicAccessBlock)
            .OrderBy(d => d.CreatedAt).ThenBy(d => d.ResourceId, StringComparer.Ordinal).ToList();
        if (doors.Count == 0) yield break;
        yield return new SubHeading(t["DataDoors"]);
        yield return new Table([t["DataStore"], t["Kind"], t["Region"], t["DoorOpenTo"], t["DoorSince"], t["DoorClosed"]],
            doors.Select(d => d.Type == ResourceTypes.OutsideKmsGrant
                ? [KmsGrantDecision.Key(d), d.Type, d.Region ?? "-", KmsGrantDecision.OpenTo(r, d), r.When(d.CreatedAt), KmsGrantDecision.Text(r, d)]
                : d.Type == ResourceTypes.WeakenedAccountPublicAccessBlock
                ? [d.ResourceId, d.Type, "-", AccountBlockDecision.OpenTo(r, d), r.When(d.CreatedAt),
                    Closed(r, d) is var closed && closed != t["DoorNoAction"] ? closed : AccountBlockDecision.Text(r, d)]
                : (IReadOnlyList<string>)
            [
                d.ResourceId, d.Type, d.Region ?? "-",
                d.Attributes["sharedWith"] is JsonArray who ? string.Join(", ", who.Select(v => (string?)v)) : t["Unknown"],
                r.When(d.CreatedAt), d.Type == ResourceTypes.SharedResourceShare ? ResourceShareDecision.Text(r, d) : Closed(r, d),
            ]).ToList());
    }

    /// <summary>What containment did to this store's door, as the journal recorded it.</summary>
    private static string Closed(ReportContext r, AttackerResource d)
    {
        var t = r.Text;
        var door = DataDoors.Get(KindOf[d.Type]);
        var actions = r.Facts.Containment.Actions
            .Where(a => a.Target is { } target && target.EndsWith(":" + d.ResourceId, StringComparison.Ordinal)
                        && (d.Region is null || target.Contains(":" + d.Region + ":", StringComparison.Ordinal)))
            .OrderBy(a => a.OutcomeAt ?? a.BeforeAt).ToList();
        if (actions.Count == 0) return t["DoorNoAction"];
        var said = new List<string>();
        foreach (var a in actions)
        {
            if (a.Outcome is "done" or "already-done")
            {
                var removed = a.Before is JsonObject before ? door.OpenTo(before) : [];
                // A bucket is fenced, not emptied: its policy keeps the attacker's statements, a Deny and Block Public Access shut them out.
                said.Add(t.Get(door.Kind == TargetKinds.Bucket ? "DoorFencedAt" : "DoorClosedAt", r.When(a.OutcomeAt),
                    removed.Count > 0 ? string.Join(", ", removed) : t["Unknown"]));
                if (a.RolledBack) said.Add(t["DoorRolledBack"]);
            }
            else said.Add(t.Get("DoorStillOpen", a.Reason ?? r.Text.Word("Outcome", a.Outcome ?? "unknown")));
        }
        return string.Join("; ", said);
    }
}
