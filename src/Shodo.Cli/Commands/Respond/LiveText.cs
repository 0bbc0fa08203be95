using System.Globalization;
using Shodo.Cli.Output;
using Shodo.Localization;
using Shodo.Response;
using Spectre.Console;

namespace Shodo.Cli.Commands.Respond;

/// <summary>
/// The words the live view and the line log share: a region's line, a step's state, a duration.
/// <see cref="Safe"/> is the one way text from AWS or the configuration reaches markup: control
/// characters made visible, then markup escaped.
/// </summary>
internal static class LiveText
{
    public static string Safe(string? text) => Markup.Escape(Terminal.Plain(text ?? ""));

    /// <summary>"us-east-1: 42 responses stored" (collect), "us-east-1: 120 events read" (investigate).</summary>
    public static string Region(string step, RegionProgress r) => step switch
    {
        "collect" => r.Gaps == 0 ? Messages.Get("LiveRegionCollected", r.Region, r.Records) : Messages.Get("LiveRegionCollectedGaps", r.Region, r.Records, r.Gaps),
        "investigate" => r.Gaps == 0 ? Messages.Get("LiveRegionRead", r.Region, r.Records) : Messages.Get("LiveRegionReadGaps", r.Region, r.Records, r.Gaps),
        _ => Messages.Get("LiveRegionOther", r.Region, r.Records, r.Gaps),
    };

    public static string State(StepOutcome? outcome, bool running) => outcome switch
    {
        StepOutcome.Done => "[green]✔ " + Markup.Escape(Messages.Get("LiveStateDone")) + "[/]",
        StepOutcome.Incomplete => "[yellow]◐ " + Markup.Escape(Messages.Get("LiveStateIncomplete")) + "[/]",
        StepOutcome.Stopped => "[yellow]■ " + Markup.Escape(Messages.Get("LiveStateStopped")) + "[/]",
        StepOutcome.Failed => "[red]✘ " + Markup.Escape(Messages.Get("LiveStateFailed")) + "[/]",
        _ => running ? "[bold]▶ " + Markup.Escape(Messages.Get("LiveStateRunning")) + "[/]" : "[grey]· " + Markup.Escape(Messages.Get("LiveStatePending")) + "[/]",
    };

    public static string Kind(WaitingKind kind) => Messages.Get(kind switch
    {
        WaitingKind.Acknowledgement => "LiveKindAcknowledgement",
        WaitingKind.Approval => "LiveKindApproval",
        _ => "LiveKindDecision",
    });

    /// <summary>"9s", "1m05s", "2h03m".</summary>
    public static string Duration(TimeSpan span)
    {
        if (span < TimeSpan.Zero) span = TimeSpan.Zero;
        return span.TotalHours >= 1
            ? string.Create(CultureInfo.InvariantCulture, $"{(int)span.TotalHours}h{span.Minutes:00}m")
            : span.TotalMinutes >= 1
                ? string.Create(CultureInfo.InvariantCulture, $"{(int)span.TotalMinutes}m{span.Seconds:00}s")
                : string.Create(CultureInfo.InvariantCulture, $"{(int)span.TotalSeconds}s");
    }
}
