using System.CommandLine;
using System.Text.Json;
using Shodo.Cli.Output;
using Shodo.Containment;
using Shodo.Containment.Apply;
using Shodo.Containment.Plan;
using Shodo.Diagnostics;
using Shodo.Localization;

namespace Shodo.Cli.Commands.Containment;

/// <summary>
/// <c>shodo apply CASE</c>: applies the plan — before-state journaled, change through the interlock,
/// after-state confirmed, outcome journaled — then verifies. Exit 0 when everything is contained,
/// 3 when something remains (failed, waiting for approval, or new resources appeared).
/// </summary>
public sealed class ApplyCommand : IShodoCommand
{
    public Command Build(ShodoApp app)
    {
        var caseArg = ContainmentCase.CaseArgument();
        var config = ContainmentCase.ConfigOption();
        var yes = new Option<bool>("--yes") { Description = "Skip the typed confirmation; applies only actions within the responder's authority or approved." };
        var settle = new Option<int>("--settle-seconds") { Description = "How long to wait for each after-state (default 60).", DefaultValueFactory = _ => 60 };
        var command = new Command("apply",
            "Apply the case's containment plan: for each action the before-state is journaled first, the change goes through " +
            "the never-delete interlock, and the after-state is re-read until it holds. Safe to run again after a crash. " +
            "Then verifies every target and looks for what appeared since planning. Exits 0 when contained, 3 when not.\n\nExample:\n" +
            "  shodo apply cases/2026-11-28T1423Z-k3x9q2 --profile incident-response --yes")
        { Arguments = { caseArg }, Options = { config, yes, settle } };
        command.SetAction((parse, ct) => app.Run(parse, ct, async ctx =>
        {
            using var session = await ContainmentCase.OpenAsync(ctx, parse.GetValue(caseArg)!, parse.GetValue(config), connect: true, ct);
            var (plan, sha) = PlanFile.Read(session.Case);
            if (!parse.GetValue(yes)) Confirm(ctx, plan);
            var apply = new ContainmentApply(session.Connection, session.Recorder, plan, sha, ctx.Time,
                new ApplyOptions { SettleTimeout = TimeSpan.FromSeconds(Math.Max(1, parse.GetValue(settle))) });
            var result = await apply.RunAsync(ct);
            Report(ctx, plan, sha, result);
            return result.Contained ? ExitCode.Success : ExitCode.Incomplete;
        }));
        return command;
    }

    /// <summary>A typed confirmation naming the account, in a terminal; without one, --yes is required.</summary>
    private static void Confirm(CommandContext ctx, ContainmentPlan plan)
    {
        if (!ctx.Environment.IsInteractive || Console.IsInputRedirected)
            throw new ShodoException(new Diagnostic(ExitCode.Usage, Messages.Get("ContainNeedsYes")));
        ctx.Environment.Error.WriteLine(Terminal.Plain(Messages.Get("ContainConfirmPrompt", plan.AccountId, plan.AccountAlias ?? "-",
            plan.Actions.Count - plan.AlreadyDone.Count)));
        var typed = Console.In.ReadLine()?.Trim();
        if (typed != plan.AccountId)
            throw new ShodoException(new Diagnostic(ExitCode.Usage, Messages.Get("ContainConfirmMismatch")));
    }

    private static void Report(CommandContext ctx, ContainmentPlan plan, string sha, ApplyResult result)
    {
        var v = result.Verification;
        if (ctx.Json)
        {
            ctx.Out.WriteLine(JsonSerializer.Serialize(new
            {
                @case = plan.CaseId, planSha256 = sha, contained = result.Contained,
                actions = result.Actions.Select(a => new { id = a.ActionId, action = a.Action, target = a.Target.Key, outcome = a.Outcome, reason = a.Reason }),
                verification = v is null ? null : new
                {
                    contained = v.Contained,
                    remaining = v.Remaining.Select(r => new { actionId = r.ActionId, target = r.Target, reason = r.Reason }),
                    newResources = v.NewResources.Select(r => new { id = r.Id, type = r.Type, region = r.Region, resourceId = r.ResourceId, createdBy = r.CreatedBy }),
                },
            }));
            return;
        }
        var o = ctx.Out;
        foreach (var a in result.Actions.Where(a => a.Outcome is not (Outcomes.Done or Outcomes.AlreadyDone)))
            o.WriteLine(Terminal.Plain($"  {a.Outcome,-17} {a.Action,-30} {a.Target.Key}  {a.Reason}"));
        int Count(string outcome) => result.Actions.Count(a => a.Outcome == outcome);
        o.WriteLine(Messages.Get("ContainApplySummary", Count(Outcomes.Done), Count(Outcomes.AlreadyDone), Count(Outcomes.NeedsDecision),
            Count(Outcomes.PendingApproval), Count(Outcomes.Failed)));
        if (v is null) return;
        if (v.Contained && result.Contained) o.WriteLine(Messages.Get("ContainVerifiedContained"));
        else
        {
            o.WriteLine(Messages.Get("ContainVerifiedIncomplete", v.Remaining.Count, v.NewResources.Count));
            foreach (var r in v.Remaining) o.WriteLine(Terminal.Plain($"  remaining  {r.Target}  {r.Reason}"));
            foreach (var r in v.NewResources) o.WriteLine(Terminal.Plain($"  new        {r.Id}  {(r.CreatedBy is { } c ? "created by " + c : "creator unknown")}"));
        }
    }
}
