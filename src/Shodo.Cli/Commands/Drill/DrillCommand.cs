using System.CommandLine;
using System.Text.Json;
using Amazon.Runtime;
using Shodo.Aws.Connection;
using Shodo.Cases;
using Shodo.Cli.Commands.Respond;
using Shodo.Cli.Output;
using Shodo.Escalation.Rehearsal;
using Shodo.Diagnostics;
using Shodo.Evidence;
using Shodo.Localization;
using Shodo.Range;
using Shodo.Range.Admin;
using Shodo.Range.Scenarios;
using Shodo.Response;
using Shodo.Response.Steps;
using Spectre.Console;

namespace Shodo.Cli.Commands.Drill;

/// <summary>
/// <c>shodo drill</c>: a rehearsal. Starts the embedded range with a scenario and its live adversary,
/// runs exactly the response <c>shodo respond</c> runs against AWS, and ends with a scorecard
/// measured against the scenario's ground truth.
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
    /// <summary>The drill's adversary acts at most every 0.2 s: faster, the rehearsal measures the machine, not the response.</summary>
    public const double MinAdversaryInterval = 0.2;

    private readonly Option<double> _adversaryInterval = new Option<double>("--adversary-interval")
    { Description = "Seconds between the live adversary's rounds (0.2 to 86400).", DefaultValueFactory = _ => 5 }
        .Between(MinAdversaryInterval, RangeCommand.MaxAdversaryInterval, "BadAdversaryInterval");

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
        var scenario = parse.GetValue(_scenario)!;
        var view = ResponseLiveView.For(ctx);
        view.Note("drill", Messages.Get("DrillStartingRange", scenario));
        await using var range = await RangeHost.StartAsync(new RangeOptions
        {
            Port = 0, Scenario = scenario, Adversary = true, TimeProvider = ctx.Time,
            Latency = parse.GetValue(_latency),
            AdversaryInterval = TimeSpan.FromSeconds(parse.GetValue(_adversaryInterval)),
        }, ct);
        var truth = range.GroundTruth
            ?? throw new ShodoException(new Diagnostic(ExitCode.Usage, Messages.Get("DrillNoGroundTruth", scenario)));
        view.Note("drill", Messages.Get("DrillRangeReady", range.Url, truth.LeakedAccessKeyId ?? "-"));

        var connection = new AwsConnectionOptions
        {
            Credentials = new BasicAWSCredentials(range.Responder.AccessKeyId, range.Responder.SecretAccessKey),
            EndpointUrl = range.Url, Region = "us-east-1", Time = ctx.Time,
        };
        var withoutKey = parse.GetValue(_withoutKey);
        var request = new ResponseRequest
        {
            AccessKeyId = withoutKey ? null : truth.LeakedAccessKeyId,
            UserName = withoutKey || truth.LeakedAccessKeyId is not null ? null : truth.LeakedUserName,
            ApplyWithinAuthority = true, Language = ctx.Settings.Lang ?? "en",
        };
        var watch = new ContainmentWatch(view, range);
        await using var receiver = RehearsalReceiver.Start(ctx.Time);
        var language = ctx.Settings.Lang is "ja" ? "ja" : "en";
        Task<FirstResponseResult> Respond(ResponseRequest r, string? resume) => view.RunAsync(() => ResponseFlow.RunAsync(ctx, connection, r,
            DrillEscalation.Configuration(receiver, language), resume, watch, ct,
            loop => receiver.AcknowledgeAfter(loop, DrillEscalation.AcknowledgedBy, DrillEscalation.AcknowledgeAfter),
            acknowledgementGrace: DrillEscalation.AcknowledgeAfter + FirstResponse.DefaultAcknowledgementGrace));
        var result = await Respond(request, null);
        DrillTriage? triage = null;
        if (withoutKey)
        {
            triage = DrillTriage.Read(result.CaseDirectory);
            if (triage.Confirm(request) is { } confirmed)
            {
                view.Note("drill", Messages.Get("DrillConfirmsCandidate", triage.Confirmed!));
                result = await Respond(confirmed, result.CaseId);
            }
            else view.Note("drill", Messages.Get("DrillNoCandidate"));
        }

        // Give the adversary a few more rounds: after containment every one of them must fail.
        var adversary = range.Adversary!;
        var before = watch.SuccessesAtContainment ?? adversary.Status.SuccessfulCalls;
        for (var round = 0; round < 3; round++) await adversary.TickAsync(ct);
        var after = adversary.Status.SuccessfulCalls - before;
        var beforeByOperation = watch.SuccessesByOperation ?? new Dictionary<string, long>();
        var afterDetail = adversary.Status.Successes
            .Where(s => s.Value > beforeByOperation.GetValueOrDefault(s.Key))
            .Select(s => $"{s.Key}: {s.Value - beforeByOperation.GetValueOrDefault(s.Key)}").Order(StringComparer.Ordinal).ToList();

        var responderArn = $"arn:aws:iam::{range.State.AccountId}:user/{RangeHost.ResponderUserName}";
        var destructive = CallCounters.Compute(range.State)["destructiveAttempts"]?[responderArn]?.GetValue<int>() ?? 0;
        var journal = JournalReader.Read(result.CaseDirectory);
        var recordedAt = journal.FirstOrDefault(e => e.Kind == CollectJournalKinds.Started)?.Time;
        var reportPath = journal.FirstOrDefault(e => e.Kind == JournalKinds.DocumentWritten && (string?)e.Data["producer"] == "report")
            is { } r ? CaseFileNames.Full(result.CaseDirectory, (string)r.Data["path"]!) : null;
        var drillTruth = DrillTruth.From(truth, adversary.Status.Created, recordedAt);
        var card = DrillScorecard.Score(result.CaseDirectory, scenario, drillTruth, after, destructive, reportPath) with
        {
            TriageCandidates = triage?.Candidates.Count,
            TriageLeakedKeyRank = triage?.RankOf(truth.LeakedAccessKeyId is { } leaked ? "access-key:" + leaked : null),
            TriageFalseCandidates = triage?.FalseCandidates(drillTruth),
            AdversarySuccessesAfterContainedDetail = watch.SuccessesAtContainment is null ? [] : afterDetail,
        };
        Show(ctx, card);
        return card is { FalsePositives: 0, DestructiveCalls: 0, AdversarySuccessesAfterContained: 0, EvidenceVerified: true }
               && card.IdentitiesFound == card.IdentitiesExpected && card.ResourcesFound == card.ResourcesExpected
               && (card.TriageCandidates is null || card is { TriageLeakedKeyRank: 1, TriageFalseCandidates.Count: 0 })
            ? RespondCommand.ExitCodeOf(result.Outcome.Worst)
            : ExitCode.Incomplete;
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
        Row("DrillContained", card.SecondsToContained);
        Row("DrillAdversaryAfter", card.AdversarySuccessesAfterContained);
        Row("DrillDestructive", card.DestructiveCalls);
        Row("DrillIdentities", $"{card.IdentitiesFound} / {card.IdentitiesExpected}");
        Row("DrillResources", $"{card.ResourcesFound} / {card.ResourcesExpected}");
        Row("DrillFalsePositives", card.FalsePositives);
        Row("DrillEvidenceVerified", Messages.Get(card.EvidenceVerified ? "ReportYes" : "ReportNo"));
        Row("DrillReport", card.ReportPath);
        if (card.TriageCandidates is { } candidates)
        {
            Row("DrillTriageCandidates", candidates);
            Row("DrillTriageRank", card.TriageLeakedKeyRank);
            Row("DrillTriageFalseCandidates", card.TriageFalseCandidates?.Count);
        }
        ctx.Console.Write(table);
        foreach (var line in card.AdversarySuccessesAfterContainedDetail)
            ctx.Console.MarkupLine($"[red]{Markup.Escape(Messages.Get("DrillAdversaryStillSucceeds", Terminal.Plain(line)))}[/]");
        foreach (var id in card.MissedIds) ctx.Console.MarkupLine($"[yellow]{Markup.Escape(Messages.Get("DrillMissed", Terminal.Plain(id)))}[/]");
        foreach (var id in card.TriageFalseCandidates ?? [])
            ctx.Console.MarkupLine($"[red]{Markup.Escape(Messages.Get("DrillFalseCandidate", Terminal.Plain(id)))}[/]");
        foreach (var id in card.FalsePositiveIds) ctx.Console.MarkupLine($"[red]{Markup.Escape(Messages.Get("DrillFalsePositive", Terminal.Plain(id)))}[/]");
    }

    /// <summary>Passes progress through and notes the adversary's successes when containment was verified.</summary>
    private sealed class ContainmentWatch(IResponseProgress inner, RangeHost range) : IResponseProgress
    {
        public long? SuccessesAtContainment { get; private set; }
        public IReadOnlyDictionary<string, long>? SuccessesByOperation { get; private set; }
        public void StepStarted(string step) => inner.StepStarted(step);
        public void Note(string step, string message) => inner.Note(step, message);
        public void Planned(IReadOnlyList<string> steps) => inner.Planned(steps);
        public void Region(string step, RegionProgress region) => inner.Region(step, region);
        public void Waiting(WaitingItem item) => inner.Waiting(item);
        public void WaitingCleared(string id) => inner.WaitingCleared(id);

        public void StepFinished(string step, StepResult result)
        {
            if (step == ContainStep.StepName && result.Outcome == StepOutcome.Done)
            {
                SuccessesAtContainment = range.Adversary?.Status.SuccessfulCalls;
                SuccessesByOperation = range.Adversary?.Status.Successes;
            }
            inner.StepFinished(step, result);
        }
    }
}
