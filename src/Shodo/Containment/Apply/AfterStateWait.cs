using System.Text.Json.Nodes;

namespace Shodo.Containment.Apply;

/// <summary>Re-reads a target until its after-state holds, with growing pauses, for at most the settle timeout.</summary>
public static class AfterStateWait
{
    public static async Task<(bool Holds, JsonObject State)> UntilAsync(Func<Task<JsonObject>> read, Func<JsonObject, bool> holds,
        ApplyOptions options, TimeProvider time, CancellationToken ct)
    {
        var deadline = time.GetUtcNow() + options.SettleTimeout;
        var pause = options.FirstRecheck;
        while (true)
        {
            var state = await read().ConfigureAwait(false);
            if (holds(state)) return (true, state);
            if (time.GetUtcNow() + pause > deadline) return (false, state);
            await Task.Delay(pause, time, ct).ConfigureAwait(false);
            pause = TimeSpan.FromTicks(Math.Min(options.MaxRecheck.Ticks, (long)(pause.Ticks * 1.6)));
        }
    }
}
