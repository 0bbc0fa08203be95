namespace Shodo.Aws.Resilience;

/// <summary>
/// Lets requests start no closer together than <paramref name="interval"/>: each caller reserves
/// the next free slot and waits for it on the injected clock.
/// </summary>
public sealed class RequestSpacing(TimeSpan interval, TimeProvider time)
{
    private readonly object _gate = new();
    private DateTimeOffset _nextFree = DateTimeOffset.MinValue;

    public Task WaitTurnAsync(CancellationToken ct)
    {
        TimeSpan wait;
        lock (_gate)
        {
            var now = time.GetUtcNow();
            var slot = _nextFree > now ? _nextFree : now;
            _nextFree = slot + interval;
            wait = slot - now;
        }
        return wait <= TimeSpan.Zero ? Task.CompletedTask : Task.Delay(wait, time, ct);
    }
}
