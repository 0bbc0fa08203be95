namespace Shodo.Aws.Resilience;

/// <summary>
/// The one retry policy for every AWS client, SDK and hand-written. Defaults: up to 4 attempts
/// with exponential backoff and jitter from 250 ms (capped at 4 s) on throttling, 5xx and
/// connection failures; each attempt may take 10 s; the whole call gives up after 20 s, so a dead
/// endpoint fails in seconds, not minutes.
/// </summary>
public sealed record AwsRetryOptions
{
    public int MaxAttempts { get; init; } = 4;
    public TimeSpan BaseDelay { get; init; } = TimeSpan.FromMilliseconds(250);
    public TimeSpan MaxDelay { get; init; } = TimeSpan.FromSeconds(4);
    public TimeSpan AttemptTimeout { get; init; } = TimeSpan.FromSeconds(10);
    public TimeSpan TotalTimeout { get; init; } = TimeSpan.FromSeconds(20);
    /// <summary>How long to wait for a TCP connection (a blackholed endpoint must not hang an attempt).</summary>
    public TimeSpan ConnectTimeout { get; init; } = TimeSpan.FromSeconds(3);

    public static AwsRetryOptions Default { get; } = new();
}
