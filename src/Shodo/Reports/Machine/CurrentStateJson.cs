using System.Text.Json.Nodes;
using Shodo.Cases;
using Shodo.Reports.Sections;

namespace Shodo.Reports.Machine;

/// <summary>report.json's <c>currentState</c>: the verdict, each attacker instance after containment, and the hourly costs avoided and still spent.</summary>
public static class CurrentStateJson
{
    public static JsonObject Build(ReportContext r)
    {
        var now = r.Current;
        return new JsonObject
        {
            ["verdict"] = now.Verdict,
            ["checkedAt"] = now.CheckedAt is { } t ? CaseTime.Format(t) : null,
            ["statement"] = SummarySection.State(r),
            ["stillActive"] = new JsonArray(now.StillActive.Select(x => (JsonNode)x!).ToArray()),
            ["currency"] = r.Money.Currency,
            ["perHourAvoided"] = r.Money.Convert(now.PerHourAvoided),
            ["perHourStillBilling"] = r.Money.Convert(now.PerHourStillBilling),
            ["instances"] = new JsonArray(now.Instances.Select(i => (JsonNode)new JsonObject
            {
                ["instanceId"] = i.Instance.ResourceId, ["region"] = i.Instance.Region, ["instanceType"] = i.Instance.InstanceType,
                ["status"] = i.Status, ["state"] = i.State, ["stateBefore"] = i.StateBefore, ["billing"] = i.Billing,
                ["pricePerHour"] = i.Instance.PricePerHour is { } p ? r.Money.Convert(p) : null,
            }).ToArray()),
        };
    }
}
