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
        new InvestigateCommand(),
        new HuntCommand(),
    ];
}
