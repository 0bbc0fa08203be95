using Shodo.Settings;
using Shodo.Cli.Output;
using Shodo.Configuration;
using Shodo.Diagnostics;
using Shodo.Localization;

namespace Shodo.Cli.Commands;

/// <summary>
/// How every command that takes <c>--config</c> reads it: found (<c>--config</c>, else <c>./shodo.yaml</c>,
/// else the user's config folder), checked whole at once (<see cref="ConfigurationCheck"/>: every section,
/// before a case is opened or AWS is called), its warnings printed on stderr — or, under the global
/// <c>--strict</c>, refused with exit 2.
/// </summary>
internal static class ConfigurationFile
{
    /// <param name="escalates">The command runs the escalation loop, so every secret it names must be in the environment.</param>
    public static ShodoConfiguration Load(CommandContext ctx, string? path, bool escalates)
    {
        var configuration = ShodoConfiguration.Load(path);
        var warnings = ConfigurationCheck.Run(configuration, ctx.Environment.Variable, escalates);
        if (warnings.Count > 0 && ctx.Settings.Strict)
        {
            var refused = warnings.Select(w => Messages.Get("ConfigStrict", w.Text)).ToList();
            throw new ShodoException(new Diagnostic(ExitCode.Usage, refused[0], refused.Count > 1 ? string.Join("\n  ", refused.Skip(1)) : null));
        }
        foreach (var w in warnings)
            ctx.Environment.Error.WriteLine(Terminal.Plain(Messages.Get("ConfigWarning", w.Text, w.Consequence)));
        return configuration;
    }
}
