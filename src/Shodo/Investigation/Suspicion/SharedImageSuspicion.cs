using Shodo.Evidence.Snapshot;
using Shodo.Investigation.Model;
using Shodo.Localization;

namespace Shodo.Investigation.Suspicion;

/// <summary>
/// Blind: an AMI the recorded state shows launchable by another account (launchPermission) or by anyone (launchPermission
/// <c>all</c>, or DescribeImages' public flag when the permission was not read), created at or after the exposure window's
/// start — an image cannot be shared before it exists, so one created in the window was shared in it. Planned as an image
/// door (the same action as an attributed one: ModifyImageAttribute removing the launch permissions, under contain-suspected
/// and close-data-door). An older image shared out is reported (an exposure not attributed), not suspected.
/// </summary>
public static class SharedImageSuspicion
{
    public static IEnumerable<SuspectedTarget> Doors(AccountSnapshot state, IReadOnlySet<string> attributed, DateTimeOffset? exposureFrom)
    {
        if (exposureFrom is not { } from) yield break;
        foreach (var image in state.Images.Where(i => i.CreationDate is { } created && created >= from))
        {
            var outside = (image.LaunchPermissions ?? []).Concat(image.Public ? ["all"] : []).Distinct(StringComparer.Ordinal).ToList();
            if (outside.Count == 0 || attributed.Contains(StateSuspicion.Key(ResourceTypes.SharedImage, image.ImageId))) continue;
            yield return new SuspectedTarget(ResourceTypes.SharedImage, image.ImageId, image.Region, image.CreationDate,
                Messages.Get("SuspectedSharedImageReason", image.ImageId, image.Region, image.CreationDate, from, string.Join(", ", outside)));
        }
    }
}
