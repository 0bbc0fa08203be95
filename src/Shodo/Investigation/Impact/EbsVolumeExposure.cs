using Shodo.Evidence.Snapshot;
using Shodo.Investigation.Identities;
using Shodo.Investigation.Model;
using Shodo.Localization;
using Shodo.Trail.Records;

namespace Shodo.Investigation.Impact;

/// <summary>
/// Each EBS volume the attacker's own calls named (CreateSnapshot, AttachVolume, DetachVolume): a disk it reached for. Could it
/// read it: one of its principals allowed ec2:CreateSnapshot or ec2:AttachVolume on the volume by its IAM policies
/// (<see cref="ReadAccess.Identity"/>) and — the volume encrypted — the use of its KMS key (kms:CreateGrant, with which EBS
/// attaches and copies it, or kms:Decrypt) as <see cref="KeyUse.ByPrincipal"/> decides it: from the key policy, or from the
/// principal's IAM policies only when the key policy delegates to the account. "Unknown", naming what, when the volume, its
/// key or a policy was not read. Volumes no attacker call named are not listed: what was read inside an instance is not logged.
/// </summary>
public sealed class EbsVolumeExposure(AccountSnapshot state, ChainResult chain, ReadAccess access)
{
    private static readonly string[] Reaching = ["CreateSnapshot", "AttachVolume", "DetachVolume"];
    private static readonly string[] Reading = ["ec2:CreateSnapshot", "ec2:AttachVolume"];
    private static readonly string[] KeyActions = ["kms:CreateGrant", "kms:Decrypt"];
    private readonly KeyUse _keys = new(state);

    public IEnumerable<DataExposure> Assess() => chain.AttackerEvents
        .Where(e => e.EventSource == "ec2.amazonaws.com" && !e.Failed && Reaching.Contains(e.EventName)
                    && TrailRecordJson.Path(e.Raw, "requestParameters", "volumeId") is not null)
        .GroupBy(e => (Region: e.Region ?? "", Id: TrailRecordJson.Path(e.Raw, "requestParameters", "volumeId")!))
        .Select(g => Volume(g.Key.Region, g.Key.Id, g.ToList()));

    private DataExposure Volume(string region, string id, IReadOnlyList<TrailRecord> events)
    {
        var reach = Reach(region, id);
        var explanation = LocalText.Of("ExposureVolumeReached", string.Join(", ", events.Select(e => e.EventName).Distinct()));
        return new DataExposure
        {
            Kind = "ebs-volume", Name = id, Region = region, PersonalData = PersonalData.IsMarked(id, new Dictionary<string, string>()),
            Reachable = reach.Reachable, ReachableThrough = reach.Through,
            ReachUnknown = reach.Reachable is null ? reach.Unknown.Select(g => g.English).ToList() : [],
            ReachUnknownTexts = reach.Reachable is null ? reach.Unknown.Select(g => g.Texts).ToList() : [],
            Accessed = AccessVerdict.Accessed, Explanation = LocalText.English(explanation), Explanations = explanation,
            EventIds = events.Select(e => e.EventId).ToList(),
        };
    }

    /// <summary>Whether one of the attacker's principals could read the volume's data, and through what.</summary>
    public ReadReach Reach(string region, string id)
    {
        if (state.Volumes.FirstOrDefault(v => v.Region == region && v.VolumeId == id) is not { } volume)
            return new ReadReach(null, [], [ReachGap.Of("ReachVolumeNotRead", id)]);
        var arn = $"arn:aws:ec2:{region}:{ReadAccess.OwnAccount(state) ?? "*"}:volume/{id}";
        var principals = access.Principals().ToList();
        if (principals.Count == 0) return new ReadReach(null, [], [ReachGap.Of("ReachNoAttackerPrincipal")]);
        var through = new List<string>();
        var unknown = new List<ReachGap>();
        foreach (var (kind, name, principalArn) in principals)
        {
            var verdicts = Reading.Select(a => access.Identity(kind, name, a, arn)).ToList();
            if (verdicts.All(v => v.Denied)) continue;
            var allows = verdicts.Where(v => !v.Denied).SelectMany(v => v.Allows).Distinct().ToList();
            if (allows.Count == 0)
            {
                unknown.AddRange(verdicts.SelectMany(v => v.Unknown));
                continue;
            }
            if (!volume.Encrypted) { through.AddRange(allows.Select(a => $"{a} (volume {id} unencrypted)")); continue; }
            if (volume.KmsKeyId is null) { unknown.Add(ReachGap.Of("ReachKeyNotNamed")); continue; }
            var key = _keys.ByPrincipal(region, volume.KmsKeyId, $"{kind} {name}", principalArn,
                (action, resource) => access.Identity(kind, name, action, resource), KeyActions);
            if (key.Reachable == true) through.AddRange(allows.Select(a => $"{a}, with {string.Join("; ", key.Through)}"));
            else unknown.AddRange(key.Unknown);
        }
        return through.Count > 0 ? ReadReach.Yes(through) : ReadReach.NoUnless(unknown);
    }
}
