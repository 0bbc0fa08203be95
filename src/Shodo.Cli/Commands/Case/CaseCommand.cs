using System.CommandLine;

namespace Shodo.Cli.Commands.CaseCommands;

/// <summary><c>shodo case</c>: the parent of the case folder commands, one line per subcommand.</summary>
public sealed class CaseCommand : IShodoCommand
{
    private static readonly IShodoCommand[] Subcommands =
    [
        new CaseOpenCommand(),
        new CaseShowCommand(),
        new CaseVerifyCommand(),
    ];

    public Command Build(ShodoApp app)
    {
        var command = new Command("case",
            "Open, show and verify case folders: the journal and evidence of one incident.\n\n" +
            "Examples:\n  shodo case open --title \"Leaked key on GitHub\" --account 123456789012\n" +
            "  shodo case verify cases/2026-11-28T1423Z-k3x9q2");
        foreach (var sub in Subcommands) command.Subcommands.Add(sub.Build(app));
        return command;
    }
}
