using System.Globalization;
using Shodo.Localization;
using Shodo.Response;
using Spectre.Console;

namespace Shodo.Cli.Commands.Respond;

/// <summary>
/// The line view of a response, for logs, pipes and CI: one line per step start, note and end, per
/// region settling, per wait appearing and clearing — time-stamped, with colour in a terminal and
/// plain text otherwise (on stderr when stdout carries JSON). A region advancing or a wait's reminder
/// moving on prints nothing. AWS-sourced text is made plain and escaped before it is shown.
/// </summary>
internal sealed class ResponseLog(IAnsiConsole console, TimeProvider time) : IResponseProgress
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, WaitingItem> _waiting = new(StringComparer.Ordinal);

    public void StepStarted(string step) => Write(step, "[bold]▶[/]", Messages.Get("RespondStepStarted"));

    public void StepFinished(string step, StepResult result) => Write(step, result.Outcome switch
    {
        StepOutcome.Done => "[green]✔[/]",
        StepOutcome.Incomplete => "[yellow]◐[/]",
        StepOutcome.Stopped => "[yellow]■[/]",
        _ => "[red]✘[/]",
    }, result.Detail);

    public void Note(string step, string message) => Write(step, " ", message);

    public void Region(string step, RegionProgress region)
    {
        if (region.Settled) Write(step, region.State == RegionState.Gap ? "[yellow]◐[/]" : "[green]·[/]", LiveText.Region(step, region));
    }

    public void Waiting(WaitingItem item)
    {
        lock (_gate)
        {
            var isNew = !_waiting.ContainsKey(item.Id);
            _waiting[item.Id] = item;
            if (isNew) Write(item.Step, "[yellow]…[/]", Messages.Get("LiveWaitingFor", item.Whom, item.What));
        }
    }

    public void WaitingCleared(string id)
    {
        lock (_gate)
            if (_waiting.Remove(id, out var item))
                Write(item.Step, "[green]✔[/]", Messages.Get("LiveWaitingOver", item.Whom));
    }

    /// <summary>One line; without ANSI (a pipe, a log file) written as is, never wrapped at the console's width.</summary>
    private void Write(string step, string mark, string text)
    {
        var at = time.GetLocalNow().ToString("HH:mm:ss", CultureInfo.InvariantCulture);
        var line = $"[grey]{at}[/] {mark} [bold]{LiveText.Safe(step),-12}[/] {LiveText.Safe(text)}";
        lock (_gate)
            if (console.Profile.Capabilities.Ansi) console.MarkupLine(line);
            else console.Profile.Out.Writer.WriteLine(Markup.Remove(line));
    }
}
