using Shodo.Investigation.Model;

namespace Shodo.Investigation.Detections.Compute;

/// <summary>Instances launched by the attacker in opt-in regions (enabled on request, rarely watched).</summary>
public sealed class OptInRegionCompute : IDetection
{
    public IEnumerable<Finding> Detect(DetectionContext context)
    {
        var optIn = context.State.Regions.Where(r => r.OptIn).Select(r => r.Name).ToHashSet(StringComparer.Ordinal);
        var launches = ComputeLaunch.In(context.AttackerEvents).Where(l => optIn.Contains(l.Region)).ToList();
        if (launches.Count == 0) yield break;
        var regions = launches.Select(l => l.Region).Distinct().Order(StringComparer.Ordinal).ToList();
        yield return FindingFactory.Create("shodo-compute-opt-in-regions", "Instances launched in opt-in regions",
            Severity.High, ["T1535"], "defense-evasion",
            Localization.LocalText.Of("FindingOptInRegions", string.Join(", ", regions)),
            launches.Select(l => l.Event).ToList(), context);
    }
}
