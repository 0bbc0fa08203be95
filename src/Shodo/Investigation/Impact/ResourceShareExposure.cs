using Shodo.Evidence.Snapshot;
using Shodo.Investigation.Model;
using Shodo.Localization;

namespace Shodo.Investigation.Impact;

/// <summary>
/// Each AWS RAM share the account owns that is open to a principal outside its organisation and that no attacker event
/// explains (the attacker's own shares are doors in attacker-resources.json): still a door open to the outside, reported as
/// such and not attributed — who opened it, and whether anything went through it, the sources do not say.
/// </summary>
public sealed class ResourceShareExposure(AccountSnapshot state, IReadOnlyList<AttackerResource> resources)
{
    public IEnumerable<DataExposure> Assess()
    {
        var attributed = resources.Where(r => r.Type == ResourceTypes.SharedResourceShare).Select(r => (r.Region ?? "", r.ResourceId)).ToHashSet();
        foreach (var share in state.ResourceShares.Where(s => s.OpenToOutside.Any() && !attributed.Contains((s.Region, s.Arn))))
        {
            var outside = share.OpenToOutside.Select(p => p.Entity).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
            var explanation = LocalText.Of("ExposureSnapshotSharedBefore", string.Join(", ", outside));
            yield return new DataExposure
            {
                Kind = "ram-share", Name = share.Arn, Region = share.Region, PersonalData = false, Reachable = null,
                Accessed = AccessVerdict.Unknown, Explanation = LocalText.English(explanation), Explanations = explanation,
                SharedWith = outside, Unknowable = ["shared-before-sources"],
            };
        }
    }
}
