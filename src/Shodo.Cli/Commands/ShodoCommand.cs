using System.CommandLine;

namespace Shodo.Cli.Commands;

/// <summary>
/// One <c>shodo</c> subcommand. Adding a command is one new class deriving from this plus one line
/// in <see cref="CommandCatalog"/>. <see cref="Build"/> returns the System.CommandLine command whose
/// actions call <see cref="ShodoApp.Run"/> so that errors and exit codes are handled in one place.
/// </summary>
public interface IShodoCommand
{
    Command Build(ShodoApp app);
}
