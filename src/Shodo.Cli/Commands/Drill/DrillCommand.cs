using System.CommandLine;
using System.Text.Json;
using Shodo.Cli.Commands.Respond;
using Shodo.Cli.Output;
using Shodo.Diagnostics;
using Shodo.Drill;
using Shodo.Localization;
using Shodo.Range;
using Shodo.Range.Scenarios;
using Spectre.Console;

namespace Shodo.Cli.Commands.Drill;

/// <summary>
/// <c>shodo drill</c>: a rehearsal (<see cref="DrillRun"/>) on the embedded range, shown live and ended with
/// its scorecard; the exit code says whether the drill passed and how the response ended.
/// </summary>
public sealed class DrillCommand : IShodoCommand
{
    private readonly Option<string> _scenario = new("--scenario")
    { Description = $"The scenario to rehearse: {string.Join(", ", ScenarioCatalog.Names)}.", DefaultValueFactory = _ => "leaked-key-cryptomining" };
    private readonly Option<RangeLatency> _latency = new("--latency")
    { Description = "Per-call latency of the range: none or realistic (50–150 ms).", DefaultValueFactory = _ => RangeLatency.None };
    private readonly Option<bool> _withoutKey = new("--without-key")
    {
        Description = "Rehearse \"something is wrong\" with no key: Shodo triages and presents candidates; the drill confirms the first, " +
                      "as the person on call would, and the response goes on.",
    };
    private readonly Option<double> _adversaryInterval = new Option<double>("--adversary-interval")
    { Description = "Seconds between the live adversary's rounds (0.2 to 86400).", DefaultValueFactory = _ => 5 }
        .Between(DrillOptions.MinAdversaryInterval, RangeCommand.MaxAdversaryInterval, "BadAdversaryInterval");

    public Command Build(ShodoApp app)
    {
        var command = new Command("drill",
            "Rehearse the first response on a local range: the scenario's attacker keeps acting while Shodo escalates, " +
            "records, investigates, contains and reports; ends with a scorecard.\n\nExample:\n" +
            "  shodo drill --lang ja\n  shodo drill --output json");
        foreach (var o in new Option[] { _scenario, _latency, _adversaryInterval, _withoutKey }) command.Options.Add(o);
        _scenario.Validators.Add(r =>
        {
            if (r.GetValue(_scenario) is { } name && !ScenarioCatalog.Names.Contains(name))
                r.AddError($"Unknown scenario '{name}'. Known scenarios: {string.Join(", ", ScenarioCatalog.Names)}.");
        });
        command.SetAction((parse, ct) => app.Run(parse, ct, ctx => RunAsync(ctx, parse, ct)));
        return command;
    }

    private async Task<ExitCode> RunAsync(CommandContext ctx, ParseResult parse, CancellationToken ct)
    {
        var options = new DrillOptions
        {
            Scenario = parse.GetValue(_scenario)!, Latency = parse.GetValue(_latency),
            AdversaryInterval = TimeSpan.FromSeconds(parse.GetValue(_adversaryInterval)), WithoutKey = parse.GetValue(_withoutKey),
            Language = ctx.Settings.Lang ?? "en", CasesDirectory = ctx.Settings.CaseDir, CaseOptions = ctx.CaseOptions,
            EnvironmentVariable = name => ctx.Environment.Variable(name),
        };
        var view = ResponseLiveView.For(ctx);
        var result = await view.RunAsync(() => ResponseFlow.SayingStopsAsync(() => DrillRun.RunAsync(options, ctx.Time, view, ct)));
        Show(ctx, result.Scorecard);
        return result.Passed ? RespondCommand.ExitCodeOf(result.Outcome.Worst) : ExitCode.Incomplete;
    }

    private static void Show(CommandContext ctx, DrillScorecard card)
    {
        if (ctx.Json)
        {
            ctx.Out.WriteLine(JsonSerializer.Serialize(card));
            return;
        }
        var table = new Table().AddColumn(Messages.Get("DrillMeasure")).AddColumn(Messages.Get("DrillValue"));
        void Row(string key, object? value) => table.AddRow(Markup.Escape(Messages.Get(key)), Markup.Escape(Terminal.Plain(value?.ToString() ?? "-")));
        Row("DrillCaseDir", card.CaseDir);
        Row("DrillFirstNotification", card.SecondsToFirstNotification);
        Row("DrillEvidenceCaptured", card.SecondsToEvidenceCaptured);
        Row("DrillKeyRefused", card.SecondsToKeyRefused);
        Row("DrillContained", card.SecondsToContained);
        Row("DrillAdversaryAfter", card.AdversarySuccessesAfterContained);
        Row("DrillAdversaryBeyondReach", card.AdversarySuccessesBeyondReach);
        Row("DrillDestructive", card.DestructiveCalls);
        Row("DrillApprovedDestructive", card.ApprovedDestructiveSteps);
        Row("DrillDataDoorsOpen", card.DataDoorsOpenAfterContained);
        Row("DrillIdentities", $"{card.IdentitiesFound} / {card.IdentitiesExpected}");
        Row("DrillResources", $"{card.ResourcesFound} / {card.ResourcesExpected}");
        Row("DrillFalsePositives", card.FalsePositives);
        Row("DrillEvidenceVerified", Messages.Get(card.EvidenceVerified ? "ReportYes" : "ReportNo"));
        Row("DrillReport", card.ReportPath);
        if (card.AccountsExpected is not null || card.AccountsEntered is > 0)
        {
            Row("DrillAccountsReached", $"{card.AccountsReached} / {card.AccountsExpected}");
            Row("DrillAccountsEntered", card.AccountsEntered);
        }
        if (card.TriageCandidates is { } candidates)
        {
            Row("DrillTriageCandidates", candidates);
            Row("DrillTriageRank", card.TriageLeakedKeyRank);
            Row("DrillTriageFalseCandidates", card.TriageFalseCandidates?.Count);
        }
        ctx.Console.Write(table);
        foreach (var line in card.AdversarySuccessesAfterContainedDetail)
            ctx.Console.MarkupLine($"[red]{Markup.Escape(Messages.Get("DrillAdversaryStillSucceeds", Terminal.Plain(line)))}[/]");
        foreach (var line in card.AdversarySuccessesBeyondReachDetail)
            ctx.Console.MarkupLine($"[yellow]{Markup.Escape(Messages.Get("DrillAdversaryBeyondReachLine", Terminal.Plain(line)))}[/]");
        foreach (var door in card.DataDoorsOpenAfterContainedDetail)
            ctx.Console.MarkupLine($"[red]{Markup.Escape(Messages.Get("DrillDataDoorStillOpen", Terminal.Plain(door)))}[/]");
        foreach (var door in card.DataDoorsOpenByDecision)
            ctx.Console.MarkupLine($"[yellow]{Markup.Escape(Messages.Get("DrillDataDoorOpenByDecision", Terminal.Plain(door)))}[/]");
        foreach (var id in card.AttackerInstancesLost.Concat(card.AttackerInstancesUncontained).Concat(card.InstancesReplacedDuringResponse))
            ctx.Console.MarkupLine($"[red]{Markup.Escape(Messages.Get("DrillInstanceNotHeld", Terminal.Plain(id)))}[/]");
        foreach (var connection in card.AttackerConnectionsOpen)
            ctx.Console.MarkupLine($"[red]{Markup.Escape(Messages.Get("DrillConnectionStillOpen", Terminal.Plain(connection)))}[/]");
        foreach (var id in card.AccountsNotEntered ?? [])
            ctx.Console.MarkupLine($"[red]{Markup.Escape(Messages.Get("DrillAccountNotEntered", Terminal.Plain(id)))}[/]");
        foreach (var id in card.MissedIds) ctx.Console.MarkupLine($"[yellow]{Markup.Escape(Messages.Get("DrillMissed", Terminal.Plain(id)))}[/]");
        foreach (var id in card.TriageFalseCandidates ?? [])
            ctx.Console.MarkupLine($"[red]{Markup.Escape(Messages.Get("DrillFalseCandidate", Terminal.Plain(id)))}[/]");
        foreach (var id in card.FalsePositiveIds) ctx.Console.MarkupLine($"[red]{Markup.Escape(Messages.Get("DrillFalsePositive", Terminal.Plain(id)))}[/]");
    }
}
