using System.Globalization;

namespace Shodo.Range.State.CloudTrail;

/// <summary>CloudTrail's time format: ISO 8601 in UTC to the second, e.g. 2024-08-01T12:38:06Z.</summary>
public static class CloudTrailTime
{
    public static string Format(DateTimeOffset time) =>
        time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
}
