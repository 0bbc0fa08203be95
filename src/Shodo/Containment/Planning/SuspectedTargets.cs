using Shodo.Investigation.Model;
using Shodo.Investigation.Suspicion;

namespace Shodo.Containment.Planning;

/// <summary>
/// Puts the investigation's suspected targets (suspected.json) into the plan, marked suspected so that their actions
/// need the authority class contain-suspected; a target already in the plan as the attacker's stays as it is.
/// </summary>
public static class SuspectedTargets
{
    public static void Add(TargetSet targets, IReadOnlyList<SuspectedTarget> suspected)
    {
        foreach (var s in suspected)
        {
            if (KindOf(s.Kind) is not { } kind) continue;
            var target = new ContainmentTarget(kind, s.Id, kind == TargetKinds.User ? null : s.Region);
            if (targets.All.Any(g => g.Target.Key == target.Key)) continue;
            var group = targets.Add(target, kind == TargetKinds.User ? $"user:{s.Id}" : null);
            group.Suspected = true;
            group.Because(s.ConfirmArguments is { } confirm ? $"{s.Reason}; confirm with shodo respond --resume CASE {confirm}" : s.Reason);
        }
    }

    /// <summary>The containment target kind for a suspected resource type, or null for one containment does not act on.</summary>
    private static string? KindOf(string resourceType) => resourceType switch
    {
        ResourceTypes.User => TargetKinds.User,
        ResourceTypes.Instance => TargetKinds.Instance,
        ResourceTypes.SpotRequest => TargetKinds.SpotRequest,
        ResourceTypes.SharedDbSnapshot => TargetKinds.DbSnapshot,
        ResourceTypes.SharedDbClusterSnapshot => TargetKinds.DbClusterSnapshot,
        ResourceTypes.OpenedBucket => TargetKinds.Bucket,
        ResourceTypes.SharedEbsSnapshot => TargetKinds.EbsSnapshot,
        ResourceTypes.OutsideKmsGrant => TargetKinds.KmsGrant,
        ResourceTypes.OpenedKeyPolicy => TargetKinds.KmsKeyPolicy,
        ResourceTypes.SharedImage => TargetKinds.Image,
        _ => null,
    };
}
