using Shodo.Trail.Records;

namespace Shodo.Investigation.Detections.Compute;

/// <summary>An attacker event that started compute: RunInstances, RequestSpotInstances, RequestSpotFleet, CreateFleet — with the types and market it asked for.</summary>
public sealed record ComputeLaunch(TrailRecord Event, string Region, IReadOnlyList<string> InstanceTypes, bool Spot)
{
    private static readonly HashSet<string> Launches = ["RunInstances", "RequestSpotInstances", "RequestSpotFleet", "CreateFleet"];

    public static IEnumerable<ComputeLaunch> In(IEnumerable<TrailRecord> events) => events
        .Where(e => !e.Failed && e.EventSource == "ec2.amazonaws.com" && Launches.Contains(e.EventName))
        .Select(e =>
        {
            var request = e.Raw.TryGetProperty("requestParameters", out var r) ? r : default;
            var types = TrailRecordJson.All(request, "instanceType").Distinct().ToList();
            var spot = e.EventName is "RequestSpotInstances" or "RequestSpotFleet"
                       || TrailRecordJson.All(request, "marketType").Any(m => m == "spot");
            return new ComputeLaunch(e, e.Region ?? "", types, spot);
        });
}
