using System.CommandLine;
using Spectre.Console;

namespace Shodo.Cli;

/// <summary>Everything a command's action needs: parsed values, settings, output and time.</summary>
public sealed class CommandContext(
    ParseResult parse, GlobalSettings settings, CliEnvironment environment, IAnsiConsole console)
{
    public ParseResult Parse { get; } = parse;
    public GlobalSettings Settings { get; } = settings;
    public CliEnvironment Environment { get; } = environment;
    /// <summary>Human output (progress, tables), honouring --no-color / NO_COLOR.</summary>
    public IAnsiConsole Console { get; } = console;
    public TextWriter Out => Environment.Out;
    public TimeProvider Time => Environment.Time;
    public bool Json => Settings.Output == OutputFormat.Json;
}
