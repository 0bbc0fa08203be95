namespace Shodo.Aws.Resilience;

/// <summary>
/// Documented per-operation request rates, enforced on the client side so Shodo does not burn its
/// retries on throttling it could have avoided. Keyed by operation and region: the limits are per
/// account per region, and one connection is one account.
/// </summary>
public sealed class RequestRateLimits(TimeProvider time)
{
    /// <summary>Requests per second AWS documents for an operation (CloudTrail quotas page).</summary>
    public static IReadOnlyDictionary<string, double> Documented { get; } = new Dictionary<string, double>
    {
        ["cloudtrail:LookupEvents"] = 2,
    };

    /// <summary>
    /// Requests are spaced this much wider than the documented rate, so network and scheduling jitter
    /// between being let through and arriving at AWS cannot put three requests into one second.
    /// </summary>
    public const double Headroom = 1.15;

    private readonly Dictionary<(string, string), RequestSpacing> _spacings = new();

    public Task WaitTurnAsync(AwsOperation operation, string region, CancellationToken ct)
    {
        if (!Documented.TryGetValue(operation.Key, out var perSecond)) return Task.CompletedTask;
        RequestSpacing spacing;
        lock (_spacings)
        {
            if (!_spacings.TryGetValue((operation.Key, region), out spacing!))
                _spacings[(operation.Key, region)] = spacing = new RequestSpacing(TimeSpan.FromSeconds(Headroom / perSecond), time);
        }
        return spacing.WaitTurnAsync(ct);
    }
}
