using Shodo.Investigation.Model;

namespace Shodo.Investigation.Detections.Compute;

/// <summary>GPU or very large instances launched by the attacker: the signature of cryptomining.</summary>
public sealed class HeavyInstanceCompute : IDetection
{
    public IEnumerable<Finding> Detect(DetectionContext context)
    {
        var launches = ComputeLaunch.In(context.AttackerEvents)
            .Where(l => l.InstanceTypes.Any(t => InstanceTypeClass.IsGpu(t) || InstanceTypeClass.IsVeryLarge(t))).ToList();
        if (launches.Count == 0) yield break;
        var types = launches.SelectMany(l => l.InstanceTypes).Distinct().Order(StringComparer.Ordinal).ToList();
        yield return FindingFactory.Create("shodo-compute-gpu-or-large", "GPU or very large instances launched",
            Severity.High, ["T1496"], "impact",
            Localization.LocalText.Of("FindingHeavyInstances", string.Join(", ", types)),
            launches.Select(l => l.Event).ToList(), context);
    }
}
