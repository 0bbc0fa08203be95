using Shodo.Localization;
using Shodo.Response;
using Spectre.Console;
using Spectre.Console.Rendering;

namespace Shodo.Cli.Commands.Respond;

/// <summary>
/// The live display of <c>shodo respond</c> and <c>shodo drill</c> on an interactive terminal: a table
/// of the steps (state, elapsed, the result or the latest note of a running step), a grid of the regions of the current step, what is waiting for
/// whom (with how long and the next reminder), and the most recent notes — redrawn several times a
/// second. Where nothing can be redrawn (output redirected, CI, <c>--output json</c>, NO_COLOR or
/// <c>--no-color</c>, TERM=dumb) every call goes to <see cref="ResponseLog"/> instead, as lines.
/// Every text shown is made plain and markup-escaped (<see cref="LiveText.Safe"/>).
/// </summary>
internal sealed class ResponseLiveView : IResponseProgress
{
    public static readonly TimeSpan RefreshInterval = TimeSpan.FromMilliseconds(200);
    private const int RecentNotes = 6;
    private const int PinnedNotes = 3;
    private const int RegionColumns = 4;

    private readonly IAnsiConsole _console;
    private readonly TimeProvider _time;
    private readonly ResponseLog? _log;
    private readonly Lock _gate = new();
    private readonly List<StepRow> _steps = [];
    private readonly Dictionary<string, Dictionary<string, RegionProgress>> _regions = new(StringComparer.Ordinal);
    private readonly Dictionary<string, WaitingItem> _waiting = new(StringComparer.Ordinal);
    private readonly List<string> _pinned = [];
    private readonly Queue<(DateTimeOffset At, string Step, string Text)> _recent = new();
    private string? _regionStep;
    private Pause? _pause;

    public ResponseLiveView(IAnsiConsole console, TimeProvider time, bool live, IEnumerable<string>? plannedSteps = null)
    {
        _console = console;
        _time = time;
        _log = live ? null : new ResponseLog(console, time);
        foreach (var step in plannedSteps ?? ResponseSteps.All.Select(s => s.Name)) _steps.Add(new StepRow(step));
    }

    public void Planned(IReadOnlyList<string> steps)
    {
        lock (_gate)
        {
            var rows = steps.Select(name => _steps.FirstOrDefault(r => r.Step == name) ?? new StepRow(name)).ToList();
            _steps.Clear();
            _steps.AddRange(rows);
        }
    }

    /// <summary>The view for this invocation: live on an interactive terminal, lines otherwise.</summary>
    public static ResponseLiveView For(CommandContext ctx) => new(ctx.Console, ctx.Time, IsLive(ctx));

    /// <summary>Live only when the output is a terminal that can be redrawn and a person reads it.</summary>
    public static bool IsLive(CommandContext ctx) =>
        ctx.Environment.IsInteractive && !ctx.Json && !ctx.Settings.NoColor
        && !string.Equals(ctx.Environment.Variable("TERM"), "dumb", StringComparison.Ordinal)
        && string.IsNullOrEmpty(ctx.Environment.Variable("CI"))
        && ctx.Console.Profile.Capabilities.Interactive && ctx.Console.Profile.Capabilities.Ansi;

    public bool Redraws => _log is null;

    /// <summary>Runs <paramref name="work"/> with the display redrawn until it ends (lines: just runs it).</summary>
    public async Task<T> RunAsync<T>(Func<Task<T>> work)
    {
        if (_log is not null) return await work();
        var task = work();
        while (true)
        {
            Pause? pause = null;
            await _console.Live(Render()).AutoClear(false).Overflow(VerticalOverflow.Ellipsis).Cropping(VerticalOverflowCropping.Bottom)
                .StartAsync(async live =>
                {
                    while (!task.IsCompleted && (pause = Volatile.Read(ref _pause)) is null)
                    {
                        live.UpdateTarget(Render());
                        await Task.WhenAny(task, Task.Delay(RefreshInterval));
                    }
                    live.UpdateTarget(Render());
                });
            if (pause is null || task.IsCompleted) break;
            pause.Stopped.TrySetResult();
            await pause.Resumed.Task;
        }
        return await task;
    }

    /// <summary>Stops redrawing while <paramref name="ask"/> talks to the person (the typed confirmation), then goes on.</summary>
    public async Task<T> SuspendAsync<T>(Func<T> ask)
    {
        if (_log is not null) return ask();
        var pause = new Pause();
        Volatile.Write(ref _pause, pause);
        await pause.Stopped.Task;
        try { return ask(); }
        finally
        {
            Volatile.Write(ref _pause, null);
            pause.Resumed.TrySetResult();
        }
    }

    public void StepStarted(string step)
    {
        if (_log is not null) { _log.StepStarted(step); return; }
        lock (_gate)
        {
            var row = Row(step);
            row.StartedAt = _time.GetUtcNow();
            row.FinishedAt = null;
            row.Result = null;
        }
    }

    public void StepFinished(string step, StepResult result)
    {
        if (_log is not null) { _log.StepFinished(step, result); return; }
        lock (_gate)
        {
            var row = Row(step);
            row.FinishedAt = _time.GetUtcNow();
            row.Result = result;
        }
    }

    public void Note(string step, string message)
    {
        if (_log is not null) { _log.Note(step, message); return; }
        lock (_gate)
        {
            if (_steps.FirstOrDefault(s => s.Step == step) is { Result: null } running) running.LastNote = message;
            if (step is "case" or "drill" && _pinned.Count < PinnedNotes) _pinned.Add(message);
            else
            {
                _recent.Enqueue((_time.GetUtcNow(), step, message));
                while (_recent.Count > RecentNotes) _recent.Dequeue();
            }
        }
    }

    public void Region(string step, RegionProgress region)
    {
        if (_log is not null) { _log.Region(step, region); return; }
        lock (_gate)
        {
            if (!_regions.TryGetValue(step, out var regions)) _regions[step] = regions = new(StringComparer.Ordinal);
            regions[region.Region] = region;
            _regionStep = step;
        }
    }

    public void Waiting(WaitingItem item)
    {
        if (_log is not null) { _log.Waiting(item); return; }
        lock (_gate) _waiting[item.Id] = item;
    }

    public void WaitingCleared(string id)
    {
        if (_log is not null) { _log.WaitingCleared(id); return; }
        lock (_gate) _waiting.Remove(id);
    }

    /// <summary>What the display shows now.</summary>
    public IRenderable Render()
    {
        lock (_gate)
        {
            var now = _time.GetUtcNow();
            var parts = new List<IRenderable>();
            parts.AddRange(_pinned.Select(p => new Markup($"[grey]{LiveText.Safe(p)}[/]")));
            parts.Add(Steps(now));
            if (_regionStep is { } step && _regions.TryGetValue(step, out var regions)) parts.Add(Regions(step, regions.Values));
            parts.Add(WaitingFor(now));
            if (_recent.Count > 0)
            {
                parts.Add(new Markup($"[bold]{Markup.Escape(Messages.Get("LiveRecentTitle"))}[/]"));
                parts.AddRange(_recent.Select(n => new Markup(
                    $"[grey]{n.At.ToLocalTime():HH:mm:ss}[/] [bold]{LiveText.Safe(n.Step)}[/] {LiveText.Safe(n.Text)}")));
            }
            return new Rows(parts);
        }
    }

    private Table Steps(DateTimeOffset now)
    {
        var table = new Table().Border(TableBorder.Rounded)
            .AddColumn(Markup.Escape(Messages.Get("LiveColumnStep")))
            .AddColumn(Markup.Escape(Messages.Get("LiveColumnState")))
            .AddColumn(new TableColumn(Markup.Escape(Messages.Get("LiveColumnElapsed"))).RightAligned())
            .AddColumn(Markup.Escape(Messages.Get("LiveColumnDetail")));
        foreach (var row in _steps)
        {
            var elapsed = row.StartedAt is { } start ? LiveText.Duration((row.FinishedAt ?? now) - start) : "";
            table.AddRow(new Markup($"[bold]{LiveText.Safe(row.Step)}[/]"), new Markup(LiveText.State(row.Result?.Outcome, row.StartedAt is not null)),
                new Markup(elapsed), new Markup(row.Result is { } result ? LiveText.Safe(result.Detail) : $"[grey]{LiveText.Safe(row.LastNote)}[/]"));
        }
        return table;
    }

    private static IRenderable Regions(string step, IEnumerable<RegionProgress> regions)
    {
        var list = regions.OrderBy(r => r.Region == Shodo.Evidence.CollectionRunner.GlobalLane ? 0 : 1)
            .ThenBy(r => r.Region, StringComparer.Ordinal).ToList();
        var grid = new Grid();
        for (var c = 0; c < RegionColumns; c++) grid.AddColumn(new GridColumn().PadRight(2));
        foreach (var chunk in list.Chunk(RegionColumns))
            grid.AddRow([.. chunk.Select(Cell), .. Enumerable.Range(0, RegionColumns - chunk.Length).Select(_ => (IRenderable)Text.Empty)]);
        var over = list.Count(r => r.IsOver);
        return new Panel(grid)
            .Header($"{LiveText.Safe(Messages.Get("LiveRegionsTitle", step))} {over}/{list.Count}")
            .Border(BoxBorder.Rounded).Expand();
    }

    private static IRenderable Cell(RegionProgress r)
    {
        var name = LiveText.Safe(r.Region);
        return new Markup(r.State switch
        {
            RegionState.Pending => $"[grey]○ {name}[/]",
            RegionState.Running => $"[yellow]◌ {name}[/] [grey]{r.Finished}/{r.Total}·{r.Records}[/]",
            RegionState.Done => $"[green]✔ {name}[/] [grey]{r.Records}[/]",
            _ => $"[red]◐ {name}[/] [grey]{r.Records}[/] [red]✘{r.Gaps}[/]",
        });
    }

    private IRenderable WaitingFor(DateTimeOffset now)
    {
        var title = Markup.Escape(Messages.Get("LiveWaitingTitle"));
        if (_waiting.Count == 0)
            return new Markup($"[bold]{title}[/]: [green]{Markup.Escape(Messages.Get("LiveNothingWaiting"))}[/]");
        var table = new Table().Border(TableBorder.Simple).Title($"[bold]{title}[/]").HideHeaders()
            .AddColumn(new TableColumn("").NoWrap()).AddColumn("").AddColumn("").AddColumn(new TableColumn("").NoWrap());
        foreach (var item in _waiting.Values.OrderBy(w => w.Since))
        {
            var timing = item.NextReminder is { } next
                ? Messages.Get("LiveWaitingSinceNext", LiveText.Duration(now - item.Since), LiveText.Duration(next - now))
                : Messages.Get("LiveWaitingSince", LiveText.Duration(now - item.Since));
            table.AddRow(new Markup($"[yellow]{Markup.Escape(LiveText.Kind(item.Kind))}[/]"), new Markup($"[bold]{LiveText.Safe(item.Whom)}[/]"),
                new Markup(LiveText.Safe(item.What)), new Markup($"[grey]{LiveText.Safe(timing)}[/]"));
        }
        return table;
    }

    private StepRow Row(string step)
    {
        var row = _steps.FirstOrDefault(s => s.Step == step);
        if (row is null) _steps.Add(row = new StepRow(step));
        return row;
    }

    private sealed class StepRow(string step)
    {
        public string Step { get; } = step;
        public DateTimeOffset? StartedAt { get; set; }
        public DateTimeOffset? FinishedAt { get; set; }
        public StepResult? Result { get; set; }
        /// <summary>The step's latest note while it runs (shown until its result).</summary>
        public string? LastNote { get; set; }
    }

    private sealed class Pause
    {
        public TaskCompletionSource Stopped { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
        public TaskCompletionSource Resumed { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }
}
