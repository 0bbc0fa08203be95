namespace Shodo.Aws.Resilience;

/// <summary>
/// Lets callers go one at a time, at least <paramref name="interval"/> apart measured from the moment
/// each was let through (not from when it asked), so a caller that woke late never shortens the
/// gap to the next one.
/// </summary>
public sealed class RequestSpacing(TimeSpan interval, TimeProvider time)
{
    private readonly SemaphoreSlim _turn = new(1, 1);
    private DateTimeOffset _last = DateTimeOffset.MinValue;

    public async Task WaitTurnAsync(CancellationToken ct)
    {
        await _turn.WaitAsync(ct).ConfigureAwait(false);
        try
        {
            var wait = _last == DateTimeOffset.MinValue ? TimeSpan.Zero : _last + interval - time.GetUtcNow();
            if (wait > TimeSpan.Zero) await Task.Delay(wait, time, ct).ConfigureAwait(false);
            _last = time.GetUtcNow();
        }
        finally
        {
            _turn.Release();
        }
    }
}
