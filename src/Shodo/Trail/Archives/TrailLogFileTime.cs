using System.Globalization;
using System.Text.RegularExpressions;

namespace Shodo.Trail.Archives;

/// <summary>
/// CloudTrail names each log file <c>Account_CloudTrail_Region_YYYYMMDDTHHmmZ_Unique.json.gz</c>, the time
/// it was delivered; every record in it happened before that time. Lets a time window skip whole files.
/// </summary>
public static partial class TrailLogFileTime
{
    [GeneratedRegex(@"_(\d{8}T\d{4}Z)_")]
    private static partial Regex Stamp();

    public static DateTimeOffset? DeliveredAt(string key)
    {
        var name = key[(key.LastIndexOf('/') + 1)..];
        var match = Stamp().Match(name);
        return match.Success && DateTimeOffset.TryParseExact(match.Groups[1].Value, "yyyyMMdd'T'HHmm'Z'",
            CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var t) ? t : null;
    }

    /// <summary>False only when the name proves the file holds nothing at or after <paramref name="since"/>.</summary>
    public static bool MayHold(string key, DateTimeOffset? since) =>
        since is null || DeliveredAt(key) is not { } delivered || delivered >= since.Value.AddMinutes(-1);
}
