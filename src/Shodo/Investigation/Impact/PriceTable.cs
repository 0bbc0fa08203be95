using System.Text.Json;

namespace Shodo.Investigation.Impact;

/// <summary>
/// The EC2 price table Shodo ships as data (<c>Investigation/Impact/prices.json</c>, embedded): On-Demand
/// USD per hour by instance type for us-east-1 and a factor per region, with its date and source.
/// A type or region not in the table has no price: the estimate says so instead of guessing.
/// </summary>
public sealed class PriceTable
{
    private readonly Dictionary<string, decimal> _base;
    private readonly Dictionary<string, decimal> _factor;

    private PriceTable(string date, string source, Dictionary<string, decimal> prices, Dictionary<string, decimal> factor)
    {
        Date = date;
        Source = source;
        _base = prices;
        _factor = factor;
    }

    public string Date { get; }
    public string Source { get; }
    public string Description => $"{Date}: {Source}";

    public static PriceTable BuiltIn { get; } = Load();

    public decimal? PerHour(string region, string instanceType) =>
        _base.TryGetValue(instanceType, out var price) && _factor.TryGetValue(region, out var f) ? Math.Round(price * f, 4) : null;

    private static PriceTable Load()
    {
        using var stream = typeof(PriceTable).Assembly.GetManifestResourceStream("Shodo.Investigation.Impact.prices.json")
                           ?? throw new InvalidOperationException("prices.json is not embedded");
        using var doc = JsonDocument.Parse(stream);
        var root = doc.RootElement;
        return new PriceTable(root.GetProperty("date").GetString()!, root.GetProperty("source").GetString()!,
            root.GetProperty("usEast1PerHour").EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetDecimal()),
            root.GetProperty("regionFactor").EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetDecimal()));
    }
}
