using System.CommandLine;
using System.Text.Json;
using Shodo.Cases;
using Shodo.Cli.Commands.CaseCommands;
using Shodo.Cli.Commands.Respond;
using Shodo.Cli.Output;
using Shodo.Diagnostics;
using Shodo.Escalation.Acknowledgement;
using Shodo.Escalation.Loop;
using Shodo.Escalation.Notices;
using Shodo.Escalation.Settings;
using Shodo.Localization;
using Shodo.Response;

namespace Shodo.Cli.Commands.Escalation;

/// <summary>
/// <c>shodo escalate CASE [--config FILE]</c>: runs the escalation loop on its own (after
/// <c>respond</c> ended, or instead of it) until someone acknowledges with <c>shodo ack</c>, printing
/// as they happen what was delivered to whom, what failed and why, and when nobody on a level could be
/// reached (the lines <c>respond</c> prints). Exit 0 when acknowledged, 3 (<see cref="ExitCode.Incomplete"/>)
/// when stopped (Ctrl+C) before that.
/// </summary>
public sealed class EscalateCommand : IShodoCommand
{
    public Command Build(ShodoApp app)
    {
        var caseArg = new Argument<string>("CASE") { Description = "The case folder, or a case id under --case-dir." };
        var config = ConfigOption.Create();
        var command = new Command("escalate",
            "Notify the escalation chain from the configuration (level 1 at once, reminders at each level's interval, " +
            "the next level when nobody acknowledged in time) until someone runs 'shodo ack'. Ctrl+C stops cleanly.\n\n" +
            "Example:\n  shodo escalate cases/2026-11-28T1423Z-k3x9q2 --config shodo.yaml")
        { Arguments = { caseArg }, Options = { config } };
        command.SetAction((parse, ct) => app.Run(parse, ct, async ctx =>
        {
            var folder = CaseFolderPath.Resolve(parse.GetValue(caseArg)!, ctx.Settings);
            var configuration = ConfigurationFile.Load(ctx, parse.GetValue(config), escalates: true);
            var settings = EscalationConfigReader.Read(configuration, ctx.Environment.Variable);
            if (settings.IsEmpty)
                throw new ShodoException(new Diagnostic(ExitCode.Usage, Messages.Get("EscalateNoConfig", configuration.Path ?? "shodo.yaml")));
            var history = EscalationHistory.Read(CaseFolder.At(folder));
            if (history.Acknowledged)
            {
                Print(ctx, folder, acknowledged: true, history.AcknowledgedBy, Messages.Get("EscalateAlreadyAcknowledged", Path.GetFileName(folder), Terminal.Plain(history.AcknowledgedBy!)));
                return ExitCode.Success;
            }
            using var @case = Case.Load(folder, ctx.CaseOptions);
            var id = @case.Manifest.Id;
            await using var loop = new EscalationLoop(@case, settings, new EscalationOptions { Time = ctx.Time });
            if (!ctx.Json) ctx.Out.WriteLine(Terminal.Plain(Messages.Get("EscalateStarted", id, settings.Levels.Count, settings.Levels[0].Name)));
            var log = new ResponseLog(ctx.Console, ctx.Time);
            EscalationWaiting.Attach(loop, log);
            var deliveries = EscalationDeliveries.Attach(loop, log);
            await loop.StartAsync(new EscalationFacts { CaseId = id, AccountId = @case.Manifest.AccountId, Seen = @case.Manifest.Title }, ct);
            try
            {
                var by = await loop.Acknowledged.WaitAsync(ct);
                await loop.DrainAsync(TimeSpan.FromSeconds(30));
                deliveries.Dispose();
                Print(ctx, folder, acknowledged: true, by, Messages.Get("EscalateAcknowledged", Terminal.Plain(by)));
                return ExitCode.Success;
            }
            catch (OperationCanceledException) when (ct.IsCancellationRequested)
            {
                await loop.DisposeAsync();
                deliveries.Dispose();
                Print(ctx, folder, acknowledged: false, null, Messages.Get("EscalateStopped", id));
                return ExitCode.Incomplete;
            }
        }));
        return command;
    }

    private static void Print(CommandContext ctx, string folder, bool acknowledged, string? by, string text)
    {
        if (ctx.Json)
            ctx.Out.WriteLine(JsonSerializer.Serialize(new { @case = Path.GetFileName(folder), path = folder, acknowledged, by }));
        else
            ctx.Out.WriteLine(Terminal.Plain(text));
    }
}
