using Shodo.Investigation.Model;

namespace Shodo.Investigation.Impact;

/// <summary>
/// What the attacker's instances cost: per instance the table's hourly price, hours from launch to now,
/// cost so far; totals; and the burn rate of those still running (or pending) if nothing is done.
/// Instances of a type or region without a price are listed with no cost and named in UnknownTypes.
/// </summary>
public sealed class CostEstimator(PriceTable prices)
{
    public CostEstimate Estimate(IReadOnlyList<AttackerResource> resources, DateTimeOffset now)
    {
        var instances = new List<InstanceCost>();
        foreach (var r in resources.Where(r => r.Type == ResourceTypes.Instance))
        {
            var type = (string?)r.Attributes["instanceType"] ?? "unknown";
            var market = (string?)r.Attributes["market"] ?? "unknown";
            var price = prices.PerHour(r.Region ?? "", type);
            var hours = r.CreatedAt is { } launched ? Math.Max(0, (now - launched).TotalHours) : 0;
            instances.Add(new InstanceCost(r.ResourceId, r.Region ?? "", type, market, r.State, price, Math.Round(hours, 2),
                price is { } p ? Math.Round(p * (decimal)hours, 2) : null));
        }
        return new CostEstimate
        {
            PriceTable = prices.Description,
            AsOf = now,
            Instances = instances,
            TotalSoFar = instances.Sum(i => i.CostSoFar ?? 0),
            BurnRatePerHour = instances.Where(i => i.State is "running" or "pending").Sum(i => i.PricePerHour ?? 0),
            UnknownTypes = instances.Where(i => i.PricePerHour is null).Select(i => $"{i.InstanceType} ({i.Region})").Distinct().Order(StringComparer.Ordinal).ToList(),
        };
    }
}
