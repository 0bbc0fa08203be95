using Shodo.Investigation.Model;

namespace Shodo.Investigation.Detections.Compute;

/// <summary>Spot capacity requested by the attacker; persistent requests relaunch what is stopped.</summary>
public sealed class SpotCompute : IDetection
{
    public IEnumerable<Finding> Detect(DetectionContext context)
    {
        var launches = ComputeLaunch.In(context.AttackerEvents).Where(l => l.Spot).ToList();
        if (launches.Count == 0) yield break;
        yield return FindingFactory.Create("shodo-compute-spot", "Spot instances requested",
            Severity.Medium, ["T1496"], "impact",
            Localization.LocalText.Of("FindingSpot"),
            launches.Select(l => l.Event).ToList(), context);
    }
}
