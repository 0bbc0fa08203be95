using System.Globalization;

namespace Shodo.Cases;

/// <summary>How times are written in a case: UTC, ISO 8601, milliseconds, e.g. <c>2026-11-28T14:23:05.120Z</c>.</summary>
public static class CaseTime
{
    public static string Format(DateTimeOffset time) =>
        time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);
}
