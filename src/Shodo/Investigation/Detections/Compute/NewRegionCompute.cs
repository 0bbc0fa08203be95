using Shodo.Investigation.Model;

namespace Shodo.Investigation.Detections.Compute;

/// <summary>
/// Instances launched by the attacker in regions the account did not use before the compromise (no
/// instance launched there earlier in the collected state, no earlier launch in the events).
/// </summary>
public sealed class NewRegionCompute : IDetection
{
    public IEnumerable<Finding> Detect(DetectionContext context)
    {
        if (context.Chain.CompromiseStart is not { } start) yield break;
        var used = context.State.Instances.Where(i => i.LaunchTime < start).Select(i => i.Region)
            .Concat(ComputeLaunch.In(context.AllRecords.Where(r => r.EventTime < start)).Select(l => l.Region))
            .ToHashSet(StringComparer.Ordinal);
        var launches = ComputeLaunch.In(context.AttackerEvents).Where(l => !used.Contains(l.Region)).ToList();
        if (launches.Count == 0) yield break;
        var regions = launches.Select(l => l.Region).Distinct().Order(StringComparer.Ordinal).ToList();
        yield return FindingFactory.Create("shodo-compute-new-regions", "Instances launched in regions the account never used",
            Severity.High, ["T1535"], "defense-evasion",
            Localization.LocalText.Of("FindingNewRegions", regions.Count, string.Join(", ", regions)),
            launches.Select(l => l.Event).ToList(), context);
    }
}
