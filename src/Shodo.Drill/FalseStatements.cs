using System.Text.Json.Nodes;
using Shodo.Investigation.Model;

namespace Shodo.Drill;

/// <summary>
/// Checks each statement of the report's summary and current state (report.json) against the scenario's ground
/// truth and the range's final state, and lists the false ones: "contained" while an attacker instance runs or an
/// attacker key is active; an instance said stopped that runs, or said running (billing) that does not; a cost per
/// hour still spent of zero while a reported attacker instance runs, or avoided of zero while containment stopped one;
/// and a count given as complete (every source read) while something expected was missed.
/// </summary>
public static class FalseStatements
{
    public static IReadOnlyList<string> Check(JsonNode report, DrillTruth truth, RangeFinalState final, IReadOnlyList<string> missed)
    {
        var list = new List<string>();
        var summary = report["summary"];
        var now = report["currentState"];

        if ((bool?)summary?["contained"] == true)
        {
            foreach (var (region, id) in AttackerInstances(truth).Where(x => final.Running(x.Region, x.Id)))
                list.Add($"contained: instance {region}/{id} is {final.Instances[(region, id)]}");
            foreach (var key in truth.AttackerIdentities.Where(i => i.StartsWith("access-key:", StringComparison.Ordinal)).Select(i => i["access-key:".Length..])
                         .Where(k => final.AccessKeys.GetValueOrDefault(k) == "Active"))
                list.Add($"contained: access key {key} is Active");
        }

        var instances = (now?["instances"] as JsonArray ?? []).OfType<JsonObject>().ToList();
        foreach (var i in instances)
        {
            var (region, id) = ((string?)i["region"] ?? "", (string?)i["instanceId"] ?? "");
            if (!final.Instances.TryGetValue((region, id), out var actual)) continue;
            var billing = (bool?)i["billing"] == true;
            if ((string?)i["status"] == "stopped" && actual is "running" or "pending")
                list.Add($"instance {region}/{id} said stopped, is {actual}");
            else if (billing && actual is not ("running" or "pending"))
                list.Add($"instance {region}/{id} said running and billing, is {actual}");
            else if (!billing && actual is "running" or "pending")
                list.Add($"instance {region}/{id} said not billing, is {actual}");
        }
        var priced = instances.Where(i => (decimal?)i["pricePerHour"] > 0).ToList();
        if ((decimal?)now?["perHourStillBilling"] == 0 && priced.Any(i => final.Running((string?)i["region"] ?? "", (string?)i["instanceId"] ?? "")))
            list.Add("cost still spent per hour: 0 while a reported attacker instance runs");
        if ((decimal?)now?["perHourAvoided"] == 0 && priced.Any(i => (string?)i["status"] == "stopped" && (string?)i["stateBefore"] is "running" or "pending"))
            list.Add("cost avoided per hour: 0 while containment stopped a running attacker instance");

        if ((string?)summary?["sight"]?["verdict"] == "complete" && missed.Count > 0)
            list.Add($"counts given as complete, but {missed.Count} expected were not reported ({string.Join(", ", missed.Take(5))})");
        return list;
    }

    private static IEnumerable<(string Region, string Id)> AttackerInstances(DrillTruth truth) =>
        truth.AttackerResources.Where(r => r.StartsWith(ResourceTypes.Instance + ":", StringComparison.Ordinal))
            .Select(r => r[(ResourceTypes.Instance.Length + 1)..].Split(':', 2)).Where(p => p.Length == 2).Select(p => (p[0], p[1]));
}
