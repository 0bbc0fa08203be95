using Shodo.Aws.Connection;
using Shodo.Cases;
using Shodo.Investigation.Sources;
using Shodo.Investigation.Sources.Lookup;
using Shodo.Investigation.Sources.LogFiles;
using Shodo.Evidence;
using Shodo.Evidence.Snapshot;
using Shodo.Trail;
using Shodo.Trail.Archives;
using Shodo.Trail.Digests;
using Shodo.Trail.Lookup;

namespace Shodo.Investigation;

/// <summary>
/// The event sources of one investigation: LookupEvents (unless --source names others), the log files
/// of every collected trail delivering to S3 (by default), folders and s3:// prefixes the responder named —
/// each archive's digests validated as its log files are read.
/// </summary>
public sealed class InvestigationSources(AwsConnection aws, Case @case, InvestigationOptions options, AccountSnapshot state,
    IReadOnlyList<string> regions, IInvestigationProgress progress)
{
    private readonly LookupEventsSource _lookup = new(aws, @case, options.Time, options.LookupPageAttempts,
        state.Regions.Where(r => r.OptIn).Select(r => r.Name).ToHashSet(StringComparer.Ordinal), options.LookupsRead);
    private readonly CloudTrailPublicKeys _digestKeys = new(aws, options.Time);
    private readonly OrganizationId _organization = new(aws, options.Time);

    /// <summary>LookupEvents is read unless --source names other sources, or the organisation trail is read instead (a member account's).</summary>
    public bool UsesLookup => (options.Sources.Count == 0 && options.OrganizationTrail?.Reach is null) || options.Sources.Any(s => s.Equals("lookup", StringComparison.OrdinalIgnoreCase));

    public HashSet<string> LogBucketsRead { get; } = new(StringComparer.Ordinal);

    public async Task<SourceResult> LookupAsync(LookupQuery query, CancellationToken ct)
    {
        if (!UsesLookup) return SourceResult.Empty;
        var result = await _lookup.ReadAsync(query, regions, ct, progress);
        progress.SourceRead($"LookupEvents {query}", result.Records.Count, result.Gaps.Count);
        return result;
    }

    /// <summary>What the digest check of each archive read found (coverage.json, the report).</summary>
    public List<TrailDigestOutcome> DigestChecks { get; } = [];

    /// <summary>
    /// The log files of every location in the window, each location's digests validated against the files as they
    /// were read (<see cref="TrailDigestCheck"/>): a file changed or deleted after delivery, or a digest that does not
    /// verify, is a gap.
    /// </summary>
    public async Task<SourceResult> LogFilesAsync(TrailWindow window, string? accountId, CancellationToken ct)
    {
        var results = new List<SourceResult>();
        foreach (var location in Locations())
            results.Add(await ReadLocationAsync(location, aws, _digestKeys, window, accountId,
                OrganizationTrailAt(location) ? _organization.IdAsync : null, null, ct));
        if (options.OrganizationTrail?.Reach is not null)
            results.Add(await OrganizationTrailOrLookupAsync(window, accountId, LookupQuery.Everything(window), ct));
        return SourceResult.Combine(results);
    }

    /// <summary>
    /// When reading the organisation trail's folder of this account failed (<see cref="OrganizationTrailOrLookupAsync"/>): the
    /// source read instead, the folder and AWS's answer; null while the folder reads.
    /// </summary>
    public CoverageEventsFallback? OrganizationTrailFallback { get; private set; }

    /// <summary>Whether LookupEvents was read: as a source of its own, or instead of an organisation trail that could not be read.</summary>
    public bool ReadLookupEvents => UsesLookup || OrganizationTrailFallback is not null;

    /// <summary>
    /// A member account's events where the parent's choice says (<see cref="OrganizationTrailChoice"/>): the account's folder of
    /// the organisation trail through the parent's connection, digests validated — and when that read leaves any gap (the bucket
    /// or a log file's KMS key refuses the parent, S3 throttles after every retry, a digest does not verify, a file changed after
    /// delivery), the account's own LookupEvents (<paramref name="instead"/>) from then on, the fallback named
    /// (<see cref="OrganizationTrailFallback"/>). What proves tampering stays a gap, whatever LookupEvents shows; the
    /// trail's other gaps stay only when LookupEvents could not read either. The one place the pursuit and the investigation
    /// both choose and fall back.
    /// </summary>
    public async Task<SourceResult> OrganizationTrailOrLookupAsync(TrailWindow window, string? accountId, LookupQuery instead, CancellationToken ct)
    {
        if (options.OrganizationTrail?.Reach is not { } org) return SourceResult.Empty;
        IReadOnlyList<SourceGap> trailGaps = [];
        if (OrganizationTrailFallback is null)
        {
            var read = await ReadLocationAsync(org.Location, org.Aws, new CloudTrailPublicKeys(org.Aws, options.Time),
                window.Since is null ? window with { Since = options.Time.GetUtcNow() - LookupEventsHorizon } : window, accountId,
                _ => Task.FromResult<string?>(org.OrganizationId), org.Folders, ct);
            if (read.Gaps.Count == 0) return read;
            var answer = read.Gaps.FirstOrDefault(g => !Tampering(g)) ?? read.Gaps[0];
            OrganizationTrailFallback = new CoverageEventsFallback(LookupEventsName, org.FolderOf(accountId), answer.Kind, answer.Code, answer.Message);
            trailGaps = read.Gaps;
        }
        var lookup = await _lookup.ReadAsync(instead, regions, ct, progress);
        progress.SourceRead($"LookupEvents {instead}", lookup.Records.Count, lookup.Gaps.Count);
        return new SourceResult(lookup.Records, [.. trailGaps.Where(g => lookup.Gaps.Count > 0 || Tampering(g)), .. lookup.Gaps]);
    }

    /// <summary>A gap that proves the trail was tampered with (a log file changed or deleted after delivery, a digest that does not verify).</summary>
    private static bool Tampering(SourceGap gap) => gap.Kind is "Altered" or "Missing" or "DigestInvalid";

    private const string LookupEventsName = "LookupEvents";

    /// <summary>
    /// What LookupEvents reaches back (its last 90 days): the organisation trail read instead of it, without a start, reads as
    /// far back, day by day, not the account's whole history in the bucket.
    /// </summary>
    public static readonly TimeSpan LookupEventsHorizon = TimeSpan.FromDays(90);

    /// <summary>A member account's choice between the organisation trail and LookupEvents (coverage.json names it), or null.</summary>
    public OrganizationTrailChoice? OrganizationTrail => options.OrganizationTrail;

    /// <summary>
    /// The organisation trail as this account's own DescribeTrails showed it (its shadow trail: the management account's ARN),
    /// with its logging as this account's GetTrailStatus answered; null when the account's snapshot does not list it.
    /// </summary>
    public TrailFact? OrganizationTrailSeenHere =>
        options.OrganizationTrail?.Trail is { } trail ? state.Trails.FirstOrDefault(t => t.OrganizationTrail && (t.Arn ?? t.Name) == trail) : null;

    /// <summary>
    /// One location's log files in the window, read through <paramref name="reader"/> (the case account's connection, or the
    /// parent's for an organisation trail), its digests validated against the files as they were read. With
    /// <paramref name="folders"/> (the organisation trail a member's events are read from), the account's region folders are
    /// each listed once from where this response's last read of them left off, not day by day.
    /// </summary>
    private async Task<SourceResult> ReadLocationAsync(string location, AwsConnection reader, ITrailDigestKeys keys, TrailWindow window,
        string? accountId, Func<CancellationToken, Task<string?>>? organizationId, TrailFolderReads? folders, CancellationToken ct)
    {
        var problems = new TrailProblemList();
        var check = new TrailDigestCheck(location, keys, problems);
        SourceResult read;
        if (location.StartsWith("s3://", StringComparison.OrdinalIgnoreCase))
        {
            var (bucket, prefix) = SplitS3(location);
            var s3 = reader.S3(await BucketRegionAsync(reader, bucket, ct));
            // A prefix that already points inside AWSLogs/ is read whole; a trail's root is read day by day; the organisation trail a
            // member's events are read from, region folder by region folder, from where this response's last read of each left off.
            var organization = organizationId is null ? null : await organizationId(ct);
            List<ITrailLogStore> stores = folders is not null && organization is not null && accountId is not null && window.Since is { } since
                && regions.Count > 0 && !prefix.Contains("AWSLogs/", StringComparison.Ordinal)
                ? [.. TrailBucketPrefixes.RegionFolders(prefix, accountId, regions, organization).Select(p => folders.Open(s3, bucket, p, since, check.Seen))]
                : [.. (prefix.Contains("AWSLogs/", StringComparison.Ordinal)
                    ? [prefix]
                    : TrailBucketPrefixes.For(prefix, window, accountId, regions, options.Time.GetUtcNow(), organization))
                    .Select(p => new S3TrailLogStore(s3, bucket, p))];
            // Each prefix is a few round trips of listing and reading: all of them at once, a bounded number in flight.
            var parallel = new ParallelOptions { MaxDegreeOfParallelism = PrefixesInFlight, CancellationToken = ct };
            await Parallel.ForEachAsync(stores, parallel, async (store, token) => await check.BesideAsync(store, token));
            var parts = new SourceResult[stores.Count];
            await Parallel.ForEachAsync(Enumerable.Range(0, stores.Count), parallel, async (i, token) =>
                parts[i] = stores[i] is TrailFolderReads.Remembered remembered
                    ? remembered.Finish(await ArchiveLogSource.ReadAsync(remembered, remembered.Widen(window), token, check.Seen, FilesInFlightPerPrefix), window)
                    : await ArchiveLogSource.ReadAsync(stores[i], window, token, check.Seen, FilesInFlightPerPrefix));
            read = SourceResult.Combine(parts);
            if (!read.Gaps.Any(g => g.Kind is "Failed" or "Throttled")) LogBucketsRead.Add(bucket);
        }
        else
        {
            var store = new LocalTrailLogStore(location);
            await check.BesideAsync(store, ct);
            read = await ArchiveLogSource.ReadAsync(store, window, ct, check.Seen);
        }
        var digests = await check.ValidateAsync(ct);
        DigestChecks.Add(digests);
        read = new SourceResult(read.Records, [.. read.Gaps, .. problems.Snapshot().Select(SourceGap.From)]);
        progress.SourceRead(location, read.Records.Count, read.Gaps.Count);
        return read;
    }

    /// <summary>S3 prefixes (region and day) listed and read at once, and files of each read at once: network-bound, not CPU-bound.</summary>
    private const int PrefixesInFlight = 8, FilesInFlightPerPrefix = 4;
    /// <summary>
    /// A log bucket is read in its own region, which need not be the trail's home region: as collected (GetBucketLocation),
    /// else asked now (a bucket of another account, an s3:// location named with --source), else the trail's home region.
    /// </summary>
    private async Task<string?> BucketRegionAsync(AwsConnection reader, string bucket, CancellationToken ct)
    {
        if (reader == aws && state.Buckets.FirstOrDefault(b => b.Name == bucket)?.Region is { } collected) return collected;
        return await reader.BucketRegions.RegionOfAsync(bucket, ct) ?? state.Trails.FirstOrDefault(t => t.Bucket == bucket)?.HomeRegion;
    }

    /// <summary>Whether a location is the bucket of an organisation trail collected (its files one level down, per account).</summary>
    private bool OrganizationTrailAt(string location) => options.Sources.Count == 0
        && state.Trails.Any(t => t.OrganizationTrail && t.Bucket is not null && $"s3://{t.Bucket}/{t.Prefix}".TrimEnd('/') == location);

    private IEnumerable<string> Locations()
    {
        if (options.Sources.Count > 0)
            return options.Sources.Where(s => !s.Equals("lookup", StringComparison.OrdinalIgnoreCase));
        // The organisation trail's bucket as the member sees it (a shadow trail) is read through the parent's connection instead;
        // another account's organisation trail (a shadow trail in a member) is never read through this account's: its bucket is
        // that account's, and the member's part of it is read through the parent's when the parent chose it.
        return state.Trails.Where(t => t.Bucket is not null && t.Bucket != options.OrganizationTrail?.Reach?.Bucket && !ShadowOfAnotherAccount(t))
            .Select(t => $"s3://{t.Bucket}/{t.Prefix}".TrimEnd('/')).Distinct(StringComparer.Ordinal);
    }

    /// <summary>An organisation trail whose ARN names another account than the case's: the shadow of the management account's trail.</summary>
    private bool ShadowOfAnotherAccount(TrailFact trail) =>
        trail.OrganizationTrail && @case.Manifest.AccountId is { } account && trail.Arn?.Split(':') is { Length: > 5 } arn && arn[4].Length > 0
        && arn[4] != account;

    private static (string Bucket, string Prefix) SplitS3(string location)
    {
        var rest = location["s3://".Length..];
        var slash = rest.IndexOf('/');
        return slash < 0 ? (rest, "") : (rest[..slash], rest[(slash + 1)..]);
    }
}
