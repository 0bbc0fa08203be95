namespace Shodo.Cli.Commands;

/// <summary>Every top-level subcommand of <c>shodo</c>, one line each.</summary>
public static class CommandCatalog
{
    public static IReadOnlyList<IShodoCommand> All { get; } =
    [
        new VersionCommand(),
        new PolicyCommand(),
        new WhoamiCommand(),
        new CaseCommands.CaseCommand(),
        new RangeCommand(),
        new CollectCommand(),
        new Respond.RespondCommand(),
        new Drill.DrillCommand(),
        new Escalation.EscalateCommand(),
        new Escalation.AckCommand(),
        new Containment.PlanCommand(),
        new Containment.ApproveCommand(),
        new Containment.ApplyCommand(),
        new Containment.RollbackCommand(),
        new ReportCommand(),
    ];
}
