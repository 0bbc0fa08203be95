namespace Shodo.Cases;

/// <summary>
/// The first move writes first. The case writes one entry at a time (one gate, each entry fsynced), and the trail read
/// beside the first move stores a page of events per region — about twenty pages that arrive together. While the first
/// move holds precedence, evidence stored by any other flow waits its turn, so the leaked key's before-state, plan and
/// changes are not queued behind them. The flow that holds it, and every task it starts, writes at once.
/// </summary>
public sealed class WritePrecedence
{
    private static readonly AsyncLocal<WritePrecedence?> Holder = new();
    private readonly object _lock = new();
    private TaskCompletionSource? _held;

    /// <summary>Holds precedence for the calling flow until disposed (disposing twice is harmless).</summary>
    public IDisposable Hold()
    {
        lock (_lock) _held ??= new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        Holder.Value = this;
        return new Release(this);
    }

    /// <summary>Completes at once for the holder's flow or when nobody holds precedence; otherwise when it is released.</summary>
    public Task TurnAsync(CancellationToken ct)
    {
        TaskCompletionSource? held;
        lock (_lock) held = _held;
        return held is null || Holder.Value == this ? Task.CompletedTask : held.Task.WaitAsync(ct);
    }

    private void Let()
    {
        TaskCompletionSource? held;
        lock (_lock) (held, _held) = (_held, null);
        held?.TrySetResult();
    }

    private sealed class Release(WritePrecedence precedence) : IDisposable
    {
        private int _done;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _done, 1) == 0) precedence.Let();
        }
    }
}
