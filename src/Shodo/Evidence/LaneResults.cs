namespace Shodo.Evidence;

/// <summary>
/// What the collectors of one lane found that another collector of the same lane may use instead of asking AWS again
/// (the credential report's lines, which spare per-user reads). A collector's result is settled when it publishes one or
/// when it finishes (then null): nobody waits on a collector that failed, and a collector that is not part of this run
/// (a retry of one collector's gaps) answers null at once, so the one asking reads everything itself.
/// </summary>
internal sealed class LaneResults
{
    private readonly Dictionary<string, TaskCompletionSource<object?>> _results = new(StringComparer.Ordinal);

    public LaneResults(IEnumerable<ICollector> collectors)
    {
        foreach (var collector in collectors)
            _results.TryAdd(collector.Name, new TaskCompletionSource<object?>(TaskCreationOptions.RunContinuationsAsynchronously));
    }

    public void Publish(string collector, object value)
    {
        if (_results.TryGetValue(collector, out var result)) result.TrySetResult(value);
    }

    public void Finished(string collector)
    {
        if (_results.TryGetValue(collector, out var result)) result.TrySetResult(null);
    }

    public async Task<T?> ResultOfAsync<T>(string collector, CancellationToken ct) where T : class =>
        _results.TryGetValue(collector, out var result) ? await result.Task.WaitAsync(ct).ConfigureAwait(false) as T : null;
}
