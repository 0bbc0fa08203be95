using Shodo.Investigation.Suspicion;

namespace Shodo.Containment.Plan;

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
            var target = new ContainmentTarget(s.Kind, s.Id, s.Kind == TargetKinds.User ? null : s.Region);
            if (targets.All.Any(g => g.Target.Key == target.Key)) continue;
            var group = targets.Add(target, s.Kind == TargetKinds.User ? $"user:{s.Id}" : null);
            group.Suspected = true;
            group.Because(s.ConfirmArguments is { } confirm ? $"{s.Reason}; confirm with shodo respond --resume CASE {confirm}" : s.Reason);
        }
    }
}
