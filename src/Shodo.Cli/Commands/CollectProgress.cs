using Shodo.Cli.Output;
using Shodo.Evidence;
using Shodo.Localization;
using Spectre.Console;

namespace Shodo.Cli.Commands;

/// <summary>
/// <c>shodo collect</c>'s progress: one bar per lane (global, then each region) in a terminal; one
/// plain line per finished lane otherwise (on stderr when stdout carries JSON).
/// </summary>
internal static class CollectProgress
{
    public static async Task<T> RunAsync<T>(CommandContext ctx, Func<ICollectionProgress, Task<T>> work)
    {
        if (!ctx.Environment.IsInteractive)
            return await work(new Lines(ctx.Console));
        T result = default!;
        await ctx.Console.Progress().AutoClear(false).HideCompleted(false)
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new SpinnerColumn())
            .StartAsync(async p => result = await work(new Bars(p)));
        return result;
    }

    /// <summary>Plain lines, one per finished lane, safe for logs and pipes.</summary>
    private sealed class Lines(IAnsiConsole console) : ICollectionProgress
    {
        private readonly Lock _gate = new();
        public void LaneStarted(string lane, int collectors) { }
        public void CollectorFinished(string lane, string collector, int blobs, int gaps) { }

        public void LaneFinished(string lane, int blobs, int gaps)
        {
            lock (_gate) console.Profile.Out.Writer.WriteLine(Terminal.Plain(Messages.Get("CollectLaneDone", lane, blobs, gaps)));
        }
    }

    /// <summary>Spectre.Console bars: a lane's bar advances as each of its collectors finishes.</summary>
    private sealed class Bars(ProgressContext progress) : ICollectionProgress
    {
        private readonly Lock _gate = new();
        private readonly Dictionary<string, ProgressTask> _tasks = new(StringComparer.Ordinal);

        public void LaneStarted(string lane, int collectors)
        {
            lock (_gate) _tasks[lane] = progress.AddTask(Markup.Escape(lane), maxValue: Math.Max(1, collectors));
        }

        public void CollectorFinished(string lane, string collector, int blobs, int gaps)
        {
            lock (_gate)
                if (_tasks.TryGetValue(lane, out var task)) task.Increment(1);
        }

        public void LaneFinished(string lane, int blobs, int gaps)
        {
            lock (_gate)
                if (_tasks.TryGetValue(lane, out var task))
                {
                    task.Description = Markup.Escape(Messages.Get("CollectLaneDone", lane, blobs, gaps));
                    task.Value = task.MaxValue;
                    task.StopTask();
                }
        }
    }
}
