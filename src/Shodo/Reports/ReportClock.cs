using System.Globalization;

namespace Shodo.Reports;

/// <summary>Times as the reader reads them: in the report's time zone, named (JST, UTC or the offset).</summary>
public sealed class ReportClock(TimeZoneInfo zone)
{
    public TimeZoneInfo Zone { get; } = zone;

    public string ZoneName => Zone.Id is "Asia/Tokyo" or "Tokyo Standard Time" ? "JST"
        : Zone.BaseUtcOffset == TimeSpan.Zero && !Zone.SupportsDaylightSavingTime ? "UTC"
        : "UTC" + Zone.BaseUtcOffset.ToString("+hh\\:mm;-hh\\:mm", CultureInfo.InvariantCulture);

    public DateTimeOffset Local(DateTimeOffset time) => TimeZoneInfo.ConvertTime(time, Zone);

    /// <summary><c>2026-11-28 14:23:05 JST</c>.</summary>
    public string Format(DateTimeOffset time) =>
        Local(time).ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture) + " " + ZoneName;

    public string Format(DateTimeOffset? time, string unknown) => time is { } t ? Format(t) : unknown;

    /// <summary><c>14:23</c> for chart axes.</summary>
    public string Short(DateTimeOffset time) => Local(time).ToString("MM-dd HH:mm", CultureInfo.InvariantCulture);

    /// <summary>ISO 8601 with the zone's offset, for machine formats.</summary>
    public string Iso(DateTimeOffset time) => Local(time).ToString("yyyy-MM-dd'T'HH:mm:ss.fffzzz", CultureInfo.InvariantCulture);
}
