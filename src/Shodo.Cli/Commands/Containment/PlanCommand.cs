using System.CommandLine;
using System.Text.Json;
using Shodo.Cli.Output;
using Shodo.Containment.Authority;
using Shodo.Containment.Plan;
using Shodo.Containment.Planning;
using Shodo.Diagnostics;
using Shodo.Investigation.Model;
using Shodo.Localization;

namespace Shodo.Cli.Commands.Containment;

/// <summary><c>shodo plan CASE</c>: the containment plan from the investigation's confirmed identities and attacker resources.</summary>
public sealed class PlanCommand : IShodoCommand
{
    public Command Build(ShodoApp app)
    {
        var caseArg = ContainmentCase.CaseArgument();
        var config = ContainmentCase.ConfigOption();
        var command = new Command("plan",
            "Plan containment from the case's investigation (confirmed identities, attacker resources): deny policies and " +
            "inactive keys for identities, snapshot + stop (or isolate) for instances, cancel what relaunches them. Nothing is " +
            "changed; writes plan.json and shows it grouped by region and identity, with its SHA-256 for 'shodo approve'.\n\nExample:\n" +
            "  shodo plan cases/2026-11-28T1423Z-k3x9q2 --profile incident-response")
        { Arguments = { caseArg }, Options = { config } };
        command.SetAction((parse, ct) => app.Run(parse, ct, async ctx =>
        {
            using var session = await ContainmentCase.OpenAsync(ctx, parse.GetValue(caseArg)!, parse.GetValue(config), connect: true, ct);
            var planner = new Planner(session.Connection, session.Case, session.Authority, ctx.Time);
            var (plan, sha) = await planner.WriteAsync(ct);
            var needApproval = plan.Actions.Count(a => a.Authority == AuthorityLevel.Approver && !plan.AlreadyDone.Contains(a.Id));
            if (ctx.Json)
                ctx.Out.WriteLine(JsonSerializer.Serialize(new
                {
                    @case = plan.CaseId, planSha256 = sha, path = Path.Combine(session.Case.Directory, PlanFile.Name),
                    actions = plan.Actions.Count, alreadyDone = plan.AlreadyDone.Count, needApproval,
                }));
            else
            {
                PlanTable.Write(ctx.Out, plan, sha);
                ctx.Out.WriteLine();
                ctx.Out.WriteLine(Terminal.Plain(Messages.Get("ContainPlanWritten", PlanFile.Name, plan.Actions.Count, plan.AlreadyDone.Count,
                    needApproval, sha)));
            }
            return ExitCode.Success;
        }));
        return command;
    }
}
