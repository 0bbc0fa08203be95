using System.Globalization;
using System.Text.RegularExpressions;

namespace Shodo.Escalation.Settings;

/// <summary>Durations as the configuration writes them: <c>30s</c>, <c>5m</c>, <c>1h</c>, <c>1h30m</c>, or a bare number of seconds.</summary>
public static partial class DurationText
{
    [GeneratedRegex(@"^(?:(\d+)h)?(?:(\d+)m)?(?:(\d+)s)?$")]
    private static partial Regex Units();

    /// <summary>
    /// The longest duration the configuration may give (<c>720h</c>): an escalation waits hours, not
    /// months, and a timer cannot wait longer than about 49 days.
    /// </summary>
    public static readonly TimeSpan Max = TimeSpan.FromDays(30);

    /// <summary>
    /// Reads <paramref name="text"/>; false when it is not a duration. A duration too large for a
    /// clock reads as <see cref="TimeSpan.MaxValue"/>: compare with <see cref="Max"/>.
    /// </summary>
    public static bool TryParse(string text, out TimeSpan value)
    {
        value = default;
        text = text.Trim().ToLowerInvariant();
        if (text.Length == 0) return false;
        var m = Units().Match(text);
        if (text.All(char.IsAsciiDigit)) value = Seconds(text, 1);
        else if (m.Success) value = Sum(Seconds(m.Groups[1], 3600), Seconds(m.Groups[2], 60), Seconds(m.Groups[3], 1));
        else return false;
        return true;
    }

    private static TimeSpan Seconds(Group group, long unit) => group.Success ? Seconds(group.Value, unit) : TimeSpan.Zero;

    private static TimeSpan Seconds(string digits, long unit)
    {
        var limit = (long)TimeSpan.MaxValue.TotalSeconds;
        return long.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n <= limit / unit
            ? TimeSpan.FromSeconds(n * unit)
            : TimeSpan.MaxValue;
    }

    private static TimeSpan Sum(params TimeSpan[] parts) =>
        parts.Aggregate(TimeSpan.Zero, (a, b) => a > TimeSpan.MaxValue - b ? TimeSpan.MaxValue : a + b);

    /// <summary>The shortest form: <c>90s</c> → <c>1m30s</c>.</summary>
    public static string Format(TimeSpan value)
    {
        if (value <= TimeSpan.Zero) return "0s";
        var text = "";
        if (value.Hours + value.Days * 24 > 0) text += $"{value.Hours + value.Days * 24}h";
        if (value.Minutes > 0) text += $"{value.Minutes}m";
        if (value.Seconds > 0) text += $"{value.Seconds}s";
        return text.Length == 0 ? $"{(int)value.TotalMilliseconds}ms" : text;
    }
}
