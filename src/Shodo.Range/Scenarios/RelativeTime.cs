using System.Globalization;
using System.Text.RegularExpressions;

namespace Shodo.Range.Scenarios;

/// <summary>
/// Times and durations as scenario files write them: <c>-72h</c>, <c>-3h12m</c>, <c>-7d</c>,
/// <c>30s</c>, <c>0s</c> — days, hours, minutes, seconds, optionally negative (before the start).
/// </summary>
public static partial class RelativeTime
{
    [GeneratedRegex(@"^(?<sign>[-+]?)(?:(?<d>\d+)d)?(?:(?<h>\d+)h)?(?:(?<m>\d+)m)?(?:(?<s>\d+)s)?$")]
    private static partial Regex Pattern();

    public static TimeSpan Parse(string text)
    {
        var m = Pattern().Match(text.Trim());
        if (!m.Success || text.Trim().TrimStart('-', '+').Length == 0)
            throw new ScenarioException($"'{text}' is not a relative time such as -72h, -3h12m, -7d or 30s");
        var span = TimeSpan.FromDays(Part(m, "d")) + TimeSpan.FromHours(Part(m, "h"))
                   + TimeSpan.FromMinutes(Part(m, "m")) + TimeSpan.FromSeconds(Part(m, "s"));
        return m.Groups["sign"].Value == "-" ? -span : span;
    }

    private static int Part(Match m, string name) =>
        m.Groups[name].Success ? int.Parse(m.Groups[name].Value, CultureInfo.InvariantCulture) : 0;
}

/// <summary>A scenario that cannot be loaded or played as written.</summary>
public sealed class ScenarioException(string message) : Exception(message);
