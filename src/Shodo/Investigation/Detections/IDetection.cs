using Shodo.Investigation.Model;

namespace Shodo.Investigation.Detections;

/// <summary>One detection: Sigma rules, or an analytic Sigma cannot express (compute abuse across regions and state).</summary>
public interface IDetection
{
    IEnumerable<Finding> Detect(DetectionContext context);
}
