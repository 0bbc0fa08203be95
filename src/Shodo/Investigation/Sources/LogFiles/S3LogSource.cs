using System.Globalization;
using Amazon.S3.Model;
using Shodo.Aws.Connection;
using Shodo.Aws.Errors;

namespace Shodo.Investigation.Sources.LogFiles;

/// <summary>
/// Trail log files in an S3 bucket, read with the responder's credentials. With an account and the
/// regions known it lists only the days of the window
/// (<c>prefix/AWSLogs/ACCOUNT/CloudTrail/REGION/YYYY/MM/DD/</c>, as CloudTrail delivers); otherwise
/// every object under the prefix. Files are read a few at a time; one that fails is a gap.
/// </summary>
public sealed class S3LogSource(AwsConnection aws, string bucket, string? prefix, string? bucketRegion = null)
{
    public string Name => $"s3://{bucket}/{prefix}";

    public async Task<SourceResult> ReadAsync(TrailWindow window, string? accountId, IReadOnlyList<string> regions, CancellationToken ct)
    {
        var s3 = aws.S3(bucketRegion);
        var gaps = new List<SourceGap>();
        var keys = new List<string>();
        foreach (var listing in Prefixes(window, accountId, regions))
        {
            try
            {
                string? token = null;
                do
                {
                    var page = await s3.ListObjectsV2Async(new ListObjectsV2Request { BucketName = bucket, Prefix = listing, ContinuationToken = token }, ct);
                    keys.AddRange((page.S3Objects ?? []).Select(o => o.Key).Where(k => InWindow(k, window)));
                    token = page.IsTruncated == true ? page.NextContinuationToken : null;
                } while (token is not null);
            }
            catch (AwsServiceError e)
            {
                gaps.Add(new SourceGap(Name, null, e.IsThrottling ? "Throttled" : "Failed", e.Code, $"ListObjectsV2 {listing}: {e.AwsMessage}"));
            }
        }
        var results = new SourceResult[keys.Count];
        await Parallel.ForEachAsync(Enumerable.Range(0, keys.Count), new ParallelOptions { MaxDegreeOfParallelism = 8, CancellationToken = ct },
            async (i, token) =>
            {
                var key = keys[i];
                var source = $"s3://{bucket}/{key}";
                try
                {
                    using var answer = await s3.GetObjectAsync(new GetObjectRequest { BucketName = bucket, Key = key }, token);
                    using var buffer = new MemoryStream();
                    await answer.ResponseStream.CopyToAsync(buffer, token);
                    var read = TrailLogDocument.Read(buffer.ToArray(), source);
                    results[i] = read with { Records = read.Records.Where(r => window.Contains(r.EventTime)).ToList() };
                }
                catch (AwsServiceError e)
                {
                    results[i] = new SourceResult([], [new SourceGap(source, null, "Failed", e.Code, e.AwsMessage)]);
                }
            });
        return SourceResult.Combine(results.Append(new SourceResult([], gaps)));
    }

    private IEnumerable<string> Prefixes(TrailWindow window, string? accountId, IReadOnlyList<string> regions)
    {
        var root = string.IsNullOrEmpty(prefix) ? "" : prefix.TrimEnd('/') + "/";
        if (accountId is null || regions.Count == 0 || window.Since is null) return [root];
        var until = (window.Until ?? DateTimeOffset.UtcNow).UtcDateTime.Date;
        var days = new List<DateTime>();
        for (var d = window.Since.Value.UtcDateTime.Date; d <= until.AddDays(1); d = d.AddDays(1)) days.Add(d);
        if (days.Count > 120) return [root];
        return regions.SelectMany(r => days.Select(d =>
            string.Create(CultureInfo.InvariantCulture, $"{root}AWSLogs/{accountId}/CloudTrail/{r}/{d:yyyy}/{d:MM}/{d:dd}/")));
    }

    /// <summary>Skips digests and files whose delivery stamp (<c>_YYYYMMDDTHHmmZ_</c>) is before the window.</summary>
    private static bool InWindow(string key, TrailWindow window)
    {
        if (key.Contains("CloudTrail-Digest", StringComparison.Ordinal)) return false;
        var parts = Path.GetFileName(key).Split('_');
        if (window.Since is { } since && parts.Length >= 5 && DateTimeOffset.TryParseExact(parts[3], "yyyyMMdd'T'HHmm'Z'",
                CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var stamp))
            return stamp >= since - TimeSpan.FromMinutes(20);
        return true;
    }
}
