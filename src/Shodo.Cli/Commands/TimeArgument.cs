using System.Globalization;
using Shodo.Cli.Output;
using Shodo.Diagnostics;
using Shodo.Localization;

namespace Shodo.Cli.Commands;

/// <summary>A time given on the command line (<c>--since</c>, <c>--until</c>): ISO 8601, or an age before now.</summary>
internal static class TimeArgument
{
    /// <summary>An ISO 8601 time, or an age before now: <c>7d</c>, <c>36h</c>, <c>90m</c>.</summary>
    public static DateTimeOffset? Parse(string? text, DateTimeOffset now)
    {
        if (string.IsNullOrWhiteSpace(text)) return null;
        var t = text.Trim();
        if (t.Length > 1 && double.TryParse(t[..^1], NumberStyles.Float, CultureInfo.InvariantCulture, out var n) && n >= 0)
            try
            {
                switch (char.ToLowerInvariant(t[^1]))
                {
                    case 'd': return now.AddDays(-n);
                    case 'h': return now.AddHours(-n);
                    case 'm': return now.AddMinutes(-n);
                }
            }
            catch (Exception e) when (e is ArgumentOutOfRangeException or OverflowException)
            {
                throw new ShodoException(new Diagnostic(ExitCode.Usage, Messages.Get("TimeTooFarBack", Terminal.Echo(t))));
            }
        if (DateTimeOffset.TryParse(t, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var time))
            return time;
        throw new ShodoException(new Diagnostic(ExitCode.Usage, Messages.Get("InvestigateBadTime", Terminal.Echo(t))));
    }
}
