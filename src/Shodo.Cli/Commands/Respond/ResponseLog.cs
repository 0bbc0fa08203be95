using System.Globalization;
using Shodo.Cli.Output;
using Shodo.Response;
using Spectre.Console;

namespace Shodo.Cli.Commands.Respond;

/// <summary>
/// The live view of a response: one line per step start, note and end, time-stamped, with colour in a
/// terminal and plain text otherwise (on stderr when stdout carries JSON). AWS-sourced text is made
/// plain before it is shown.
/// </summary>
internal sealed class ResponseLog(IAnsiConsole console, TimeProvider time) : IResponseProgress
{
    private readonly Lock _gate = new();

    public void StepStarted(string step) => Write(step, "[bold]▶[/]", Shodo.Localization.Messages.Get("RespondStepStarted"));

    public void StepFinished(string step, StepResult result) => Write(step, result.Outcome switch
    {
        StepOutcome.Done => "[green]✔[/]",
        StepOutcome.Incomplete => "[yellow]◐[/]",
        StepOutcome.Stopped => "[yellow]■[/]",
        _ => "[red]✘[/]",
    }, result.Detail);

    public void Note(string step, string message) => Write(step, " ", message);

    private void Write(string step, string mark, string text)
    {
        var at = time.GetLocalNow().ToString("HH:mm:ss", CultureInfo.InvariantCulture);
        lock (_gate)
            console.MarkupLine($"[grey]{at}[/] {mark} [bold]{Markup.Escape(step),-12}[/] {Markup.Escape(Terminal.Plain(text))}");
    }
}
