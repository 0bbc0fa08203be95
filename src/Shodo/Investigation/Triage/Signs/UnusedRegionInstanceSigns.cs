using Shodo.Localization;
using Shodo.Evidence.Snapshot;
using Shodo.Trail.Records;

namespace Shodo.Investigation.Triage.Signs;

/// <summary>
/// Instances launched inside the window in regions the account did not use before: no instance there
/// launched before the window, and no regional call there in any active key's baseline. Attributed to
/// whoever launched them (RunInstances, or the RequestSpotInstances behind a Spot instance); instances
/// whose launch was not among the events read are reported as unattributed.
/// </summary>
public sealed class UnusedRegionInstanceSigns : ISignDetector
{
    /// <summary>Services whose calls say nothing about which regions the account works in.</summary>
    private static readonly HashSet<string> GlobalSources = new(StringComparer.Ordinal)
    {
        "iam.amazonaws.com", "sts.amazonaws.com", "signin.amazonaws.com", "organizations.amazonaws.com", "support.amazonaws.com",
        "health.amazonaws.com", "cloudfront.amazonaws.com", "route53.amazonaws.com", "account.amazonaws.com", "ce.amazonaws.com",
    };

    public string Kind => SignKinds.InstancesInUnusedRegion;

    public IEnumerable<Sign> Detect(TriageContext context)
    {
        var used = context.State.Instances.Where(i => i.LaunchTime is { } t && t < context.Since).Select(i => i.Region)
            .Concat(context.Baselines.Values.SelectMany(b => b).Where(e => !GlobalSources.Contains(e.EventSource)).Select(e => e.Region).OfType<string>())
            .ToHashSet(StringComparer.Ordinal);
        var launched = context.State.Instances
            .Where(i => i.LaunchTime is { } t && t >= context.Since && !used.Contains(i.Region) && i.State is not ("terminated" or "shutting-down"))
            .ToList();
        if (launched.Count == 0) yield break;

        var launchers = Launchers(context);
        foreach (var group in launched.GroupBy(i => LauncherOf(i, launchers)))
        {
            var instances = group.ToList();
            var regions = instances.Select(i => i.Region).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
            var types = instances.Select(i => i.InstanceType).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal);
            var summary = LocalText.Of("SignUnusedRegionInstances", instances.Count, string.Join(", ", types), regions.Count, string.Join(", ", regions));
            var events = group.Key.Kind == Unattributed.Kind ? [] : launchers.Events(instances);
            yield return new Sign(Kind, group.Key, summary, instances.Min(i => i.LaunchTime), events, regions);
        }
    }

    /// <summary>The candidate for instances whose launch was not among the events read.</summary>
    public static readonly CandidateId Unattributed = new("unattributed", "launched by an identity not in the events read");

    private static CandidateId LauncherOf(InstanceFact i, LaunchEvents launchers) =>
        launchers.ByInstance.TryGetValue(i.InstanceId, out var x) ? x.By
        : i.SpotInstanceRequestId is { } sir && launchers.BySpotRequest.TryGetValue(sir, out var y) ? y.By
        : Unattributed;

    private static LaunchEvents Launchers(TriageContext context)
    {
        var result = new LaunchEvents();
        foreach (var e in context.Recent.Where(e => !e.Failed && e.EventName is "RunInstances" or "RequestSpotInstances" or "RequestSpotFleet"))
        {
            if (context.CandidateOf(e) is not { } by) continue;
            var response = e.Raw.TryGetProperty("responseElements", out var r) ? r : default;
            foreach (var id in TrailRecordJson.All(response, "instanceId")) result.ByInstance.TryAdd(id, (by, e));
            foreach (var id in TrailRecordJson.All(response, "spotInstanceRequestId")) result.BySpotRequest.TryAdd(id, (by, e));
        }
        return result;
    }

    private sealed class LaunchEvents
    {
        public Dictionary<string, (CandidateId By, TrailRecord Event)> ByInstance { get; } = new(StringComparer.Ordinal);
        public Dictionary<string, (CandidateId By, TrailRecord Event)> BySpotRequest { get; } = new(StringComparer.Ordinal);

        public IReadOnlyList<string> Events(IEnumerable<InstanceFact> instances) => instances
            .Select(i => ByInstance.TryGetValue(i.InstanceId, out var x) ? x.Event.EventId
                : i.SpotInstanceRequestId is { } s && BySpotRequest.TryGetValue(s, out var y) ? y.Event.EventId : null)
            .OfType<string>().Distinct(StringComparer.Ordinal).Take(20).ToList();
    }
}
