using Shodo.Evidence.Snapshot;
using Shodo.Investigation.Model;
using Shodo.Localization;

namespace Shodo.Investigation.Impact;

/// <summary>
/// Each AMI the account owns that the collected state shows launchable from outside — launchPermission naming another
/// account or <c>all</c>, or DescribeImages' public flag when the permission was not read (past the collection's bound) —
/// and that no attacker event explains (the attacker's own shares are doors in attacker-resources.json): a copy of a
/// server's disks open to the outside, reported as such and not attributed (who shared it, and whether it was launched
/// there, the sources do not say). An image whose permission was not read and that is not public is called neither
/// shared nor unshared.
/// </summary>
public sealed class ImageExposure(AccountSnapshot state, IReadOnlyList<AttackerResource> resources)
{
    public IEnumerable<DataExposure> Assess()
    {
        var attributed = resources.Where(r => r.Type == ResourceTypes.SharedImage).Select(r => (r.Region ?? "", r.ResourceId)).ToHashSet();
        foreach (var image in state.Images.Where(i => !attributed.Contains((i.Region, i.ImageId))))
        {
            var outside = (image.LaunchPermissions ?? []).Concat(image.Public ? ["all"] : [])
                .Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
            if (outside.Count == 0) continue;
            var explanation = LocalText.Of("ExposureSnapshotSharedBefore", string.Join(", ", outside));
            yield return new DataExposure
            {
                Kind = "ami", Name = image.ImageId, Region = image.Region, PersonalData = PersonalData.IsMarked($"{image.ImageId} {image.Name}", new Dictionary<string, string>()),
                Reachable = null, Accessed = AccessVerdict.Unknown, Explanation = LocalText.English(explanation), Explanations = explanation,
                SharedWith = outside, Unknowable = ["shared-before-sources"],
            };
        }
    }
}
