using System.CommandLine;
using System.Text.Json;
using Shodo.Cli.Output;
using Shodo.Containment;
using Shodo.Containment.Apply;
using Shodo.Containment.Plan;
using Shodo.Diagnostics;
using Shodo.Localization;

namespace Shodo.Cli.Commands.Containment;

/// <summary><c>shodo rollback CASE --by NAME [--action ID]</c>: undoes applied reversible actions (the false alarm), journaled.</summary>
public sealed class RollbackCommand : IShodoCommand
{
    public Command Build(ShodoApp app)
    {
        var caseArg = ContainmentCase.CaseArgument();
        var config = ContainmentCase.ConfigOption();
        var action = new Option<string?>("--action") { Description = "Only this action id (default: every applied reversible action)." };
        var by = new Option<string>("--by") { Description = "Who approved the roll-back (one of authority.approvers when configured).", Required = true };
        var yes = new Option<bool>("--yes") { Description = "Skip the typed confirmation." };
        var command = new Command("rollback",
            "Undo applied containment after a false alarm, with an approver's name: keys back to Active, the deny policy " +
            "replaced by one that denies nothing, instances started, attributes and security groups restored — exactly the " +
            "before-state the journal recorded. Snapshots and tags stay (evidence).\n\nExample:\n" +
            "  shodo rollback cases/2026-11-28T1423Z-k3x9q2 --by 'Sato (CISO)' --yes")
        { Arguments = { caseArg }, Options = { config, action, by, yes } };
        command.SetAction((parse, ct) => app.Run(parse, ct, async ctx =>
        {
            using var session = await ContainmentCase.OpenAsync(ctx, parse.GetValue(caseArg)!, parse.GetValue(config), connect: true, ct);
            var approver = parse.GetValue(by)!;
            if (!session.Authority.MayApprove(approver))
                throw new ShodoException(new Diagnostic(ExitCode.Usage,
                    Messages.Get("ContainApproverNotAllowed", approver, string.Join(", ", session.Authority.Approvers ?? []))));
            var (plan, sha) = PlanFile.Read(session.Case);
            if (!parse.GetValue(yes))
                throw new ShodoException(new Diagnostic(ExitCode.Usage, Messages.Get("ContainNeedsYes")));
            var rollback = new ContainmentRollback(session.Connection, session.Recorder, plan, sha, ctx.Time, new ApplyOptions());
            var results = await rollback.RunAsync(approver, parse.GetValue(action), ct);
            var rolled = results.Count(r => r.Outcome == "rolled-back");
            var failed = results.Count(r => r.Outcome == Outcomes.Failed);
            if (ctx.Json)
                ctx.Out.WriteLine(JsonSerializer.Serialize(new
                {
                    @case = plan.CaseId, planSha256 = sha, by = approver,
                    actions = results.Select(r => new { id = r.ActionId, action = r.Action, target = r.Target.Key, outcome = r.Outcome, reason = r.Reason }),
                }));
            else
            {
                foreach (var r in results) ctx.Out.WriteLine(Terminal.Plain($"  {r.Outcome,-15} {r.Action,-30} {r.Target.Key}"));
                ctx.Out.WriteLine(Messages.Get("ContainRollbackSummary", rolled, results.Count(r => r.Outcome == "not-reversible"), failed));
            }
            return failed == 0 ? ExitCode.Success : ExitCode.Incomplete;
        }));
        return command;
    }
}
