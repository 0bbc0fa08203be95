using System.Globalization;
using System.Text.RegularExpressions;

namespace Shodo.Escalation.Settings;

/// <summary>Durations as the configuration writes them: <c>30s</c>, <c>5m</c>, <c>1h</c>, <c>1h30m</c>, or a bare number of seconds.</summary>
public static partial class DurationText
{
    [GeneratedRegex(@"^(?:(\d+)h)?(?:(\d+)m)?(?:(\d+)s)?$")]
    private static partial Regex Units();

    public static bool TryParse(string text, out TimeSpan value)
    {
        value = default;
        text = text.Trim().ToLowerInvariant();
        if (text.Length == 0) return false;
        if (long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds))
        {
            value = TimeSpan.FromSeconds(seconds);
            return true;
        }
        var m = Units().Match(text);
        if (!m.Success) return false;
        long Part(int i) => m.Groups[i].Success ? long.Parse(m.Groups[i].Value, CultureInfo.InvariantCulture) : 0;
        value = TimeSpan.FromHours(Part(1)) + TimeSpan.FromMinutes(Part(2)) + TimeSpan.FromSeconds(Part(3));
        return true;
    }

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
