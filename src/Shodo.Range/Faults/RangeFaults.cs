namespace Shodo.Range.Faults;

/// <summary>
/// The faults the range injects, changeable while it runs (admin endpoint, tests). Rates are
/// fractions of calls in 0..1. Reads are racy by design: a changed rate applies from the next call.
/// </summary>
public sealed class RangeFaults
{
    private readonly Lock _dice = new();
    private readonly Random _random;

    public RangeFaults(RangeOptions options)
    {
        _random = options.Seed is int seed ? new Random(seed) : new Random();
        Latency = options.Latency;
        ThrottleRate = options.ThrottleRate;
        ErrorRate = options.ErrorRate;
        ResetRate = options.ResetRate;
        Sight = options.Sight ?? [];
    }

    public RangeLatency Latency { get; set; }
    /// <summary>Operations whose calls a test holds back until it releases them (<see cref="OperationHolds"/>).</summary>
    public OperationHolds Holds { get; } = new();
    public double ThrottleRate { get; set; }
    public double ErrorRate { get; set; }
    public double ResetRate { get; set; }
    /// <summary>Sources of sight that fail persistently (LookupEvents, trail log reads), per region.</summary>
    public IReadOnlyList<SightFault> Sight { get; set; }

    /// <summary>The error a sight fault answers this call with, or null.</summary>
    public Serving.AwsError? SightError(string service, Serving.AwsOperation operation, string region, State.Caller caller)
    {
        foreach (var fault in Sight)
            if (fault.ErrorFor(service, operation, region, caller) is { } error) return error;
        return null;
    }

    /// <summary>True with probability <paramref name="rate"/>.</summary>
    public bool Roll(double rate)
    {
        if (rate <= 0) return false;
        lock (_dice) return _random.NextDouble() < rate;
    }

    /// <summary>The delay to add to one call.</summary>
    public TimeSpan NextDelay()
    {
        if (Latency == RangeLatency.None) return TimeSpan.Zero;
        lock (_dice) return TimeSpan.FromMilliseconds(50 + _random.Next(0, 101));
    }

    public int Pick(int count)
    {
        lock (_dice) return _random.Next(count);
    }
}
