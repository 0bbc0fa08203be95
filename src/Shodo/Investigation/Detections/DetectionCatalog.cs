using Shodo.Investigation.Detections.Compute;

namespace Shodo.Investigation.Detections;

/// <summary>Every detection the investigation runs, one line each.</summary>
public static class DetectionCatalog
{
    public static IReadOnlyList<IDetection> All { get; } =
    [
        new SigmaDetections(Sigma.SigmaRuleSet.BuiltIn),
        new NewRegionCompute(),
        new OptInRegionCompute(),
        new HeavyInstanceCompute(),
        new SpotCompute(),
    ];
}
