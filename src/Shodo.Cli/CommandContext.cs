using System.CommandLine;
using Shodo.Cases;
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

    /// <summary>How commands open or load a case: this clock, and the journal key (SHODO_JOURNAL_KEY) when it is set.</summary>
    public CaseOptions CaseOptions => new() { Time = Time, JournalKey = JournalKey.From(Environment.Variable) };
}
