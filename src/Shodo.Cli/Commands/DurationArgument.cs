using System.CommandLine;
using Shodo.Escalation.Settings;
using Shodo.Localization;

namespace Shodo.Cli.Commands;

/// <summary>A duration on the command line (<c>--watch 15m</c>, <c>--event-delay 5m</c>): 30s, 5m, 1h30m or seconds; refused, as a usage error, when it is not one or exceeds its bound.</summary>
internal static class DurationArgument
{
    public static Option<string?> Duration(this Option<string?> option, TimeSpan max)
    {
        option.Validators.Add(r =>
        {
            if (r.GetValue(option) is not { } text) return;
            if (!DurationText.TryParse(text, out var value) || value > max)
                r.AddError(Messages.Get("BadDurationOption", option.Name, Output.Terminal.Echo(text), DurationText.Format(max)));
        });
        return option;
    }

    /// <summary>The duration given, or <paramref name="otherwise"/>.</summary>
    public static TimeSpan Value(this ParseResult parse, Option<string?> option, TimeSpan otherwise) =>
        parse.GetValue(option) is { } text && DurationText.TryParse(text, out var value) ? value : otherwise;
}
