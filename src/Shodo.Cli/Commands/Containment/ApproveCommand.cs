using System.CommandLine;
using System.Text.Json;
using Shodo.Cli.Output;
using Shodo.Containment.Authority;
using Shodo.Containment.Plan;
using Shodo.Diagnostics;
using Shodo.Localization;

namespace Shodo.Cli.Commands.Containment;

/// <summary><c>shodo approve CASE --plan SHA256 --by NAME [--actions ID ...]</c>: records an approver's approval in the journal.</summary>
public sealed class ApproveCommand : IShodoCommand
{
    public Command Build(ShodoApp app)
    {
        var caseArg = ContainmentCase.CaseArgument();
        var config = ContainmentCase.ConfigOption();
        var planSha = new Option<string>("--plan") { Description = "The SHA-256 of the plan you reviewed (shodo plan shows it).", Required = true };
        var by = new Option<string>("--by") { Description = "The approver's name (one of authority.approvers when configured).", Required = true };
        var actions = new Option<string[]>("--actions") { Description = "Only these action ids (default: every action of the plan).", AllowMultipleArgumentsPerToken = true };
        var command = new Command("approve",
            "Record an approval of a containment plan, for every action or the ones named, so 'shodo apply' may apply the " +
            "actions beyond the responder's authority. Changes nothing in AWS.\n\nExample:\n" +
            "  shodo approve cases/2026-11-28T1423Z-k3x9q2 --plan 3f1c... --by 'Sato (CISO)'")
        { Arguments = { caseArg }, Options = { config, planSha, by, actions } };
        command.SetAction((parse, ct) => app.Run(parse, ct, async ctx =>
        {
            using var session = await ContainmentCase.OpenAsync(ctx, parse.GetValue(caseArg)!, parse.GetValue(config), connect: false, ct);
            var (plan, sha) = PlanFile.Read(session.Case);
            var named = parse.GetValue(actions) is { Length: > 0 } list ? list : null;
            var approved = await Approval.RecordAsync(session.Recorder, plan, sha, parse.GetValue(planSha)!, parse.GetValue(by)!, named,
                session.Authority, ct);
            if (ctx.Json)
                ctx.Out.WriteLine(JsonSerializer.Serialize(new { @case = plan.CaseId, planSha256 = sha, by = parse.GetValue(by), actions = approved }));
            else
                ctx.Out.WriteLine(Terminal.Plain(Messages.Get("ContainApprovedRecorded", parse.GetValue(by), approved.Count, sha)));
            return ExitCode.Success;
        }));
        return command;
    }
}
