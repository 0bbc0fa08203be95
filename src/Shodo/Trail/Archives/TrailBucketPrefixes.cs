using System.Globalization;

namespace Shodo.Trail.Archives;

/// <summary>
/// Where CloudTrail writes in a trail bucket. The prefixes of a trail bucket that can hold the window's records, as CloudTrail delivers them:
/// <c>prefix/AWSLogs/ACCOUNT/CloudTrail/REGION/YYYY/MM/DD/</c>, one per region and day (a day after for
/// delivery delay); an organisation trail's, <c>prefix/AWSLogs/o-ID/ACCOUNT/CloudTrail/...</c>. Without an account: the whole prefix;
/// without a start, or for a very long window: the whole prefix (an organisation trail's: the account's whole folder).
/// </summary>
public static class TrailBucketPrefixes
{
    public static IReadOnlyList<string> For(string? prefix, TrailWindow window, string? accountId, IReadOnlyList<string> regions,
        DateTimeOffset now, string? organizationId = null)
    {
        var root = string.IsNullOrEmpty(prefix) ? "" : prefix.TrimEnd('/') + "/";
        if (accountId is null) return [root];
        // An organisation trail writes each account's files one level down: AWSLogs/o-ID/ACCOUNT/CloudTrail/...; its other
        // accounts' folders are theirs, so without a start only this account's folder is read whole.
        if (organizationId is not null) accountId = $"{organizationId}/{accountId}";
        string[] whole = organizationId is null ? [root] : [$"{root}AWSLogs/{accountId}/"];
        if (regions.Count == 0 || window.Since is null) return whole;
        var last = (window.Until ?? now).UtcDateTime.Date.AddDays(1);
        var days = new List<DateTime>();
        for (var d = window.Since.Value.UtcDateTime.Date; d <= last; d = d.AddDays(1)) days.Add(d);
        if (days.Count * regions.Count > 5000) return whole;
        return regions.SelectMany(r => days.Select(d =>
            string.Create(CultureInfo.InvariantCulture, $"{root}AWSLogs/{accountId}/CloudTrail/{r}/{d:yyyy}/{d:MM}/{d:dd}/"))).ToList();
    }

    /// <summary>
    /// An organisation trail's region folders of one account, <c>prefix/AWSLogs/o-ID/ACCOUNT/CloudTrail/REGION/</c>: each lists in
    /// date order, so one listing with a start (ListObjectsV2 StartAfter) reads from a day on, where <see cref="For"/> lists day by day.
    /// </summary>
    public static IReadOnlyList<string> RegionFolders(string? prefix, string accountId, IReadOnlyList<string> regions, string organizationId)
    {
        var root = string.IsNullOrEmpty(prefix) ? "" : prefix.TrimEnd('/') + "/";
        return regions.Select(r => $"{root}AWSLogs/{organizationId}/{accountId}/CloudTrail/{r}/").ToList();
    }

    /// <summary>
    /// The digest prefix beside a log prefix: <c>…/CloudTrail/REGION/…</c> → <c>…/CloudTrail-Digest/REGION/…</c> (the last
    /// <c>CloudTrail</c> segment). Null when the prefix names no such segment: the digests, if any, are under it.
    /// </summary>
    public static string? DigestPrefixBeside(string prefix)
    {
        var segments = prefix.Split('/');
        var at = Array.LastIndexOf(segments, "CloudTrail");
        if (at < 0) return null;
        segments[at] = "CloudTrail-Digest";
        return string.Join('/', segments);
    }
}
