namespace Shodo.Escalation.Loop;

/// <summary>How the escalation loop runs: clock, HTTP client, timeouts, retries and how often it reads the inbox.</summary>
public sealed record EscalationOptions
{
    public TimeProvider Time { get; init; } = TimeProvider.System;

    /// <summary>Shared by the HTTP channels; a default one is made (and disposed) when null.</summary>
    public HttpClient? Http { get; init; }

    /// <summary>How long one attempt on one channel may take (connect + send), measured on the real clock.</summary>
    public TimeSpan AttemptTimeout { get; init; } = TimeSpan.FromSeconds(15);

    /// <summary>Attempts per notice per channel before giving up until the next reminder.</summary>
    public int MaxAttempts { get; init; } = 5;

    /// <summary>Wait before the first retry; doubled for each further retry, up to <see cref="MaxRetryDelay"/>.</summary>
    public TimeSpan FirstRetryDelay { get; init; } = TimeSpan.FromSeconds(5);

    public TimeSpan MaxRetryDelay { get; init; } = TimeSpan.FromMinutes(2);

    /// <summary>How often the loop looks for acknowledgements other processes left in the case's inbox.</summary>
    public TimeSpan InboxPollInterval { get; init; } = TimeSpan.FromSeconds(2);

    public TimeSpan RetryDelay(int failedAttempt)
    {
        var delay = FirstRetryDelay * Math.Pow(2, Math.Max(0, failedAttempt - 1));
        return delay > MaxRetryDelay ? MaxRetryDelay : delay;
    }
}
