using Shodo.Aws.Connection;
using Shodo.Cases;
using Shodo.Investigation.Sources;
using Shodo.Investigation.Sources.Lookup;
using Shodo.Investigation.Sources.LogFiles;
using Shodo.Evidence.Snapshot;
using Shodo.Trail;
using Shodo.Trail.Archives;
using Shodo.Trail.Lookup;

namespace Shodo.Investigation;

/// <summary>
/// The event sources of one investigation: LookupEvents (unless --source names others), the log files
/// of every collected trail delivering to S3 (by default), folders and s3:// prefixes the responder named.
/// </summary>
public sealed class InvestigationSources(AwsConnection aws, Case @case, InvestigationOptions options, AccountSnapshot state,
    IReadOnlyList<string> regions, IInvestigationProgress progress)
{
    private readonly LookupEventsSource _lookup = new(aws, @case, options.Time, options.LookupPageAttempts);

    public bool UsesLookup => options.Sources.Count == 0 || options.Sources.Any(s => s.Equals("lookup", StringComparison.OrdinalIgnoreCase));

    public HashSet<string> LogBucketsRead { get; } = new(StringComparer.Ordinal);

    public async Task<SourceResult> LookupAsync(LookupQuery query, CancellationToken ct)
    {
        if (!UsesLookup) return SourceResult.Empty;
        var result = await _lookup.ReadAsync(query, regions, ct, progress);
        progress.SourceRead($"LookupEvents {query}", result.Records.Count, result.Gaps.Count);
        return result;
    }

    public async Task<SourceResult> LogFilesAsync(TrailWindow window, string? accountId, CancellationToken ct)
    {
        var results = new List<SourceResult>();
        foreach (var location in Locations())
        {
            SourceResult read;
            if (location.StartsWith("s3://", StringComparison.OrdinalIgnoreCase))
            {
                var (bucket, prefix) = SplitS3(location);
                var trail = state.Trails.FirstOrDefault(t => t.Bucket == bucket);
                var s3 = aws.S3(trail?.HomeRegion);
                // A prefix that already points inside AWSLogs/ is read whole; a trail's root is read day by day.
                var prefixes = prefix.Contains("AWSLogs/", StringComparison.Ordinal)
                    ? [prefix]
                    : TrailBucketPrefixes.For(prefix, window, accountId, regions, options.Time.GetUtcNow());
                var parts = new List<SourceResult>();
                foreach (var p in prefixes)
                    parts.Add(await ArchiveLogSource.ReadAsync(new S3TrailLogStore(s3, bucket, p), window, ct));
                read = SourceResult.Combine(parts);
                if (!read.Gaps.Any(g => g.Kind is "Failed" or "Throttled")) LogBucketsRead.Add(bucket);
            }
            else read = await ArchiveLogSource.ReadAsync(new LocalTrailLogStore(location), window, ct);
            progress.SourceRead(location, read.Records.Count, read.Gaps.Count);
            results.Add(read);
        }
        return SourceResult.Combine(results);
    }

    private IEnumerable<string> Locations()
    {
        if (options.Sources.Count > 0)
            return options.Sources.Where(s => !s.Equals("lookup", StringComparison.OrdinalIgnoreCase));
        return state.Trails.Where(t => t.Bucket is not null)
            .Select(t => $"s3://{t.Bucket}/{t.Prefix}".TrimEnd('/')).Distinct(StringComparer.Ordinal);
    }

    private static (string Bucket, string Prefix) SplitS3(string location)
    {
        var rest = location["s3://".Length..];
        var slash = rest.IndexOf('/');
        return slash < 0 ? (rest, "") : (rest[..slash], rest[(slash + 1)..]);
    }
}
