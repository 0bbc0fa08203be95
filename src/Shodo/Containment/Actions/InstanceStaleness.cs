using System.Text.Json.Nodes;
using Shodo.Containment.Plan;
using Shodo.Containment.Reads;

namespace Shodo.Containment.Actions;

/// <summary>
/// An instance action is stale when the instance is gone, or changed in a way that changes the plan:
/// another VPC (the quarantine group is per VPC) or another root device type or lifecycle (stop or isolate).
/// </summary>
public static class InstanceStaleness
{
    public static string? Check(PlannedAction a, JsonObject state)
    {
        if (InstanceRead.IsGone(state)) return $"instance {a.Target.Id} no longer exists or is terminating";
        foreach (var field in new[] { "vpcId", "rootDeviceType", "lifecycle" })
        {
            if (!a.Fingerprint.ContainsKey(field)) continue;
            var planned = (string?)a.Fingerprint[field];
            var now = (string?)state[field];
            if (planned != now) return $"instance {a.Target.Id}'s {field} changed from {planned ?? "none"} to {now ?? "none"}";
        }
        return null;
    }
}
