using Spectre.Console;

namespace Shodo.Cli.Output;

/// <summary>
/// Builds the human-facing console: no colour with --no-color or NO_COLOR, no animation when the
/// output is not a terminal, and progress on stderr when stdout carries JSON.
/// </summary>
public static class Terminal
{
    public static IAnsiConsole Create(GlobalSettings settings, CliEnvironment env)
    {
        var writer = settings.Output == OutputFormat.Json ? env.Error : env.Out;
        return AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(writer),
            Ansi = settings.NoColor || !env.IsInteractive ? AnsiSupport.No : AnsiSupport.Detect,
            ColorSystem = settings.NoColor ? ColorSystemSupport.NoColors : ColorSystemSupport.Detect,
            Interactive = env.IsInteractive ? InteractionSupport.Detect : InteractionSupport.No,
        });
    }

    /// <summary>A value the user typed, shown back in a message: shortened (<see cref="Shodo.Diagnostics.GivenValue"/>) and <see cref="Plain"/>.</summary>
    public static string Echo(string given) => Plain(Shodo.Diagnostics.GivenValue.Shorten(given));

    /// <summary>Makes a string safe to print on a terminal (<see cref="Shodo.Diagnostics.TerminalSafe.Plain"/>).</summary>
    public static string Plain(string text) => Shodo.Diagnostics.TerminalSafe.Plain(text);
}
