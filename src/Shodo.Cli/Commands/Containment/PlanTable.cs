using Shodo.Cli.Output;
using Shodo.Containment.Authority;
using Shodo.Containment.Plan;

namespace Shodo.Cli.Commands.Containment;

/// <summary>The plan as a responder reads it: grouped by region, then by attacker identity, one line per action.</summary>
internal static class PlanTable
{
    public static void Write(TextWriter o, ContainmentPlan plan, string sha256)
    {
        o.WriteLine(Terminal.Plain($"Containment plan for account {plan.AccountId}{(plan.AccountAlias is { } alias ? $" ({alias})" : "")}, case {plan.CaseId}"));
        o.WriteLine($"sha256 {sha256}");
        var done = plan.AlreadyDone.ToHashSet(StringComparer.Ordinal);
        foreach (var region in plan.Actions.GroupBy(a => a.Target.Region ?? "global (IAM)").OrderBy(g => g.Key == "global (IAM)" ? "" : g.Key, StringComparer.Ordinal))
        {
            o.WriteLine();
            o.WriteLine(Terminal.Plain($"== {region.Key}"));
            foreach (var identity in region.GroupBy(a => a.Identity ?? "unattributed").OrderBy(g => g.Key, StringComparer.Ordinal))
            {
                o.WriteLine(Terminal.Plain($"  -- {identity.Key}"));
                foreach (var a in identity.OrderBy(a => a.Phase).ThenBy(a => a.Target.Id, StringComparer.Ordinal).ThenBy(a => a.Step))
                {
                    var status = done.Contains(a.Id) ? "done" : a.Authority == AuthorityLevel.Approver ? "needs approver" : "responder";
                    o.WriteLine(Terminal.Plain($"     {a.Action,-30} {a.Target.Id,-22} [{status}] {(a.Reversible ? "reversible" : "not reversible")}"));
                    o.WriteLine(Terminal.Plain($"        after: {a.ExpectedAfter}"));
                }
            }
        }
    }
}
