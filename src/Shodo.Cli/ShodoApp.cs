using System.CommandLine;
using System.Globalization;
using System.Reflection;
using Shodo.Cli.Commands;
using Shodo.Cli.Output;
using Shodo.Diagnostics;
using Shodo.Localization;

namespace Shodo.Cli;

/// <summary>
/// The <c>shodo</c> command: builds the command tree from <see cref="CommandCatalog"/>, parses,
/// chooses the language, runs the action and turns every failure into one clear sentence and a
/// documented <see cref="ExitCode"/>. No stack trace reaches the user for an expected failure.
/// </summary>
public sealed class ShodoApp
{
    private readonly CliEnvironment _environment;

    public ShodoApp(CliEnvironment environment)
    {
        _environment = environment;
        Root = new RootCommand(
            "Shodo (初動) — the first move after an AWS credential leaks: escalate, record, contain " +
            "by disabling (never deleting), establish the facts, hand over evidence.");
        foreach (var option in Global.All) Root.Options.Add(option);
        foreach (var version in Root.Options.OfType<VersionOption>()) version.Action = new PrintVersion();
        foreach (var command in CommandCatalog.All) Root.Subcommands.Add(command.Build(this));
    }

    public static string Version { get; } =
        typeof(ShodoApp).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()
            ?.InformationalVersion.Split('+')[0] ?? "0.0.0";

    public GlobalOptions Global { get; } = new();
    public RootCommand Root { get; }

    public static Task<int> RunAsync(string[] args, CliEnvironment environment, CancellationToken ct = default)
        => new ShodoApp(environment).InvokeAsync(args, ct);

    public async Task<int> InvokeAsync(string[] args, CancellationToken ct = default)
    {
        var parse = Root.Parse(args);
        ApplyLanguage(parse.GetValue(Global.Lang));
        if (parse.Errors.Count > 0)
        {
            parse = Root.Parse(args); // again, so the validators' sentences are in the language just chosen

            foreach (var error in parse.Errors)
                _environment.Error.WriteLine(Messages.Get("UsageError", error.Message, CommandPath(parse)));
            return (int)ExitCode.Usage;
        }
        // Ctrl+C cancels the command's token; it gets this long to reach a safe point (a step or action
        // boundary, with the journal written) before the process ends anyway (which is crash-safe too).
        var config = new InvocationConfiguration
        {
            Output = _environment.Out, Error = _environment.Error, ProcessTerminationTimeout = TimeSpan.FromSeconds(15),
        };
        return await parse.InvokeAsync(config, ct);
    }

    /// <summary>
    /// Runs a command's body with the settings and console built, mapping failures to exit codes.
    /// Every command's action goes through here.
    /// </summary>
    public async Task<int> Run(ParseResult parse, CancellationToken ct, Func<CommandContext, Task<ExitCode>> body)
    {
        var settings = Global.Read(parse, _environment);
        var console = Terminal.Create(settings, _environment);
        var context = new CommandContext(parse, settings, _environment, console);
        try
        {
            return (int)await body(context);
        }
        catch (ShodoException e)
        {
            Report(e.Diagnostic, settings.Debug ? e : null);
            return (int)e.Diagnostic.Code;
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            _environment.Error.WriteLine(Messages.Get("Cancelled"));
            return (int)ExitCode.Interrupted;
        }
        catch (Exception e)
        {
            var diagnostic = ErrorTranslation.Translate(e);
            Report(diagnostic, settings.Debug || diagnostic.Code == ExitCode.Failure && settings.Debug ? e : null);
            return (int)diagnostic.Code;
        }
    }

    private void Report(Diagnostic diagnostic, Exception? debug)
    {
        _environment.Error.WriteLine(Messages.Get("ErrorPrefix") + Terminal.Plain(diagnostic.Summary));
        if (diagnostic.Detail is { Length: > 0 } detail)
            _environment.Error.WriteLine("  " + Terminal.Plain(detail));
        if (debug is not null)
            _environment.Error.WriteLine(debug.ToString());
    }

    private static string CommandPath(ParseResult parse)
    {
        var names = new List<string>();
        for (var r = parse.CommandResult; r is not null; r = r.Parent as System.CommandLine.Parsing.CommandResult)
            if (r.Command is not RootCommand) names.Insert(0, r.Command.Name);
        return string.Join(' ', names);
    }

    /// <summary><c>--version</c> prints Shodo's version, not the host process's.</summary>
    private sealed class PrintVersion : System.CommandLine.Invocation.SynchronousCommandLineAction
    {
        public override int Invoke(ParseResult parseResult)
        {
            parseResult.InvocationConfiguration.Output.WriteLine(Version);
            return 0;
        }
    }

    /// <summary>--lang wins (en or ja; anything else is a usage error, said in the culture's language), then the culture; anything but Japanese is English.</summary>
    private static void ApplyLanguage(string? lang)
    {
        if (lang is not null && !GlobalOptions.Languages.Contains(lang.ToLowerInvariant())) lang = null;
        CultureInfo.CurrentUICulture = LocalText.CultureOf(lang ?? CultureInfo.CurrentUICulture.Name);
    }
}
