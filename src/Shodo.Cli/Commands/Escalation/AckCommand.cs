using System.CommandLine;
using System.Text.Json;
using System.Text.Json.Nodes;
using Shodo.Cases;
using Shodo.Cli.Commands.CaseCommands;
using Shodo.Cli.Output;
using Shodo.Diagnostics;
using Shodo.Escalation;
using Shodo.Escalation.Acknowledgement;
using Shodo.Localization;

namespace Shodo.Cli.Commands.Escalation;

/// <summary>
/// <c>shodo ack CASE --by NAME</c>: records that a person with authority took the incident, which
/// stops the reminders. When no process holds the case, the acknowledgement is journaled directly;
/// when <c>respond</c> or <c>escalate</c> holds it (the case allows one writer), it is handed over
/// through the case's <c>inbox/</c> and this command waits (<c>--wait</c>) until that process has
/// journaled it. Exit 0 when recorded, 3 when handed over but not yet taken.
/// </summary>
public sealed class AckCommand : IShodoCommand
{
    public Command Build(ShodoApp app)
    {
        var caseArg = new Argument<string>("CASE") { Description = "The case folder, or a case id under --case-dir." };
        var by = new Option<string>("--by") { Description = "Your name, as the people notified know you.", Required = true };
        var wait = new Option<int>("--wait")
        {
            Description = "Seconds to wait for a running shodo process to take the acknowledgement (default 15).",
            DefaultValueFactory = _ => 15,
        };
        var command = new Command("ack",
            "Acknowledge the escalation of a case: reminders stop and everyone notified is told who took it. " +
            "Works while 'shodo respond' or 'shodo escalate' is running.\n\n" +
            "Example:\n  shodo ack 2026-11-28T1423Z-k3x9q2 --by \"Hanako Sato\"")
        { Arguments = { caseArg }, Options = { by, wait } };
        command.SetAction((parse, ct) => app.Run(parse, ct, async ctx =>
        {
            var name = AckName.Check(parse.GetValue(by));
            var folder = CaseFolderPath.Resolve(parse.GetValue(caseArg)!, ctx.Settings);
            var id = Path.GetFileName(folder);
            Case? @case = null;
            try { @case = Case.Load(folder, ctx.CaseOptions); }
            catch (ShodoException e) when (e.Diagnostic.Code == ExitCode.CaseBusy) { }
            if (@case is not null)
            {
                using (@case)
                {
                    if (EscalationHistory.Read(@case.Folder) is { Acknowledged: true } history)
                        return Print(ctx, id, "already", history.AcknowledgedBy!, null, Messages.Get("AckAlready", id, Terminal.Plain(history.AcknowledgedBy!)), ExitCode.Success);
                    await @case.Journal.AppendAsync(EscalationJournalKinds.Acknowledged, new JsonObject { ["by"] = name, ["via"] = "cli" }, null, ct);
                    return Print(ctx, id, "journaled", name, null, Messages.Get("AckRecorded", id, Terminal.Plain(name)), ExitCode.Success);
                }
            }
            var inbox = new AckInbox(folder);
            var request = inbox.Submit(new AckRequest(name, ctx.Time.GetUtcNow(), Environment.UserName, Environment.MachineName));
            var deadline = ctx.Time.GetUtcNow() + TimeSpan.FromSeconds(Math.Max(0, parse.GetValue(wait)));
            while (!inbox.WasHandled(request) && ctx.Time.GetUtcNow() < deadline)
                await Task.Delay(TimeSpan.FromMilliseconds(200), ctx.Time, ct);
            return inbox.WasHandled(request)
                ? Print(ctx, id, "handed-over", name, request, Messages.Get("AckHandedOver", id, request), ExitCode.Success)
                : Print(ctx, id, "pending", name, request, Messages.Get("AckPending", id, request), ExitCode.Incomplete);
        }));
        return command;
    }

    private static ExitCode Print(CommandContext ctx, string id, string state, string by, string? request, string text, ExitCode code)
    {
        if (ctx.Json)
            ctx.Out.WriteLine(JsonSerializer.Serialize(new { @case = id, state, by, request }));
        else
            ctx.Out.WriteLine(Terminal.Plain(text));
        return code;
    }
}
