namespace Shodo.Range.State.CloudTrail;

/// <summary>
/// AWS's LookupEvents limit: 2 requests per second per account per region. A call is refused when two
/// calls in the same region were accepted within the second before it (refused calls do not count).
/// When the range's clock is set back (a saved state loaded), calls accepted "later" than now are forgotten:
/// otherwise they would stay within the second before every call until the clock caught up, refusing them all.
/// </summary>
public sealed class LookupRateLimit
{
    public const int PerSecond = 2;
    private readonly Dictionary<string, Queue<DateTimeOffset>> _accepted = new(StringComparer.Ordinal);

    public bool TryAcquire(string region, DateTimeOffset now)
    {
        if (!_accepted.TryGetValue(region, out var times)) _accepted[region] = times = new Queue<DateTimeOffset>();
        if (times.Count > 0 && times.Last() > now) times.Clear();
        while (times.Count > 0 && now - times.Peek() >= TimeSpan.FromSeconds(1)) times.Dequeue();
        if (times.Count >= PerSecond) return false;
        times.Enqueue(now);
        return true;
    }
}
