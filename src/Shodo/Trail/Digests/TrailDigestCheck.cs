using Shodo.Aws.Errors;
using Shodo.Trail.Archives;

namespace Shodo.Trail.Digests;

/// <summary>
/// The digest check of one archive read — a folder, or an S3 prefix read whole or day by day. The digests kept
/// beside the log files (<see cref="ITrailLogStore.DigestsBeside"/>) are listed before the log files are
/// (<see cref="BesideAsync"/>), so a digest delivered during the read cannot name a log file the read could not
/// have seen; the readers note in <see cref="Seen"/> each log file's SHA-256 as they read it and the digests they
/// list themselves; <see cref="ValidateAsync"/> then fetches the public keys of the digests' regions and validates
/// (<see cref="TrailDigestValidator"/>). Problems go to the sink as they are found.
/// </summary>
public sealed class TrailDigestCheck(string location, ITrailDigestKeys keys, ITrailProblemSink problems)
{
    private readonly List<string> _listing = [];

    /// <summary>Give it to every reader of the archive (<see cref="TrailArchiveOptions.Seen"/>).</summary>
    public TrailFilesSeen Seen { get; } = new();

    /// <summary>Before <paramref name="logs"/> is read: lists the digests beside it, when they are kept apart from it.</summary>
    public async Task BesideAsync(ITrailLogStore logs, CancellationToken ct)
    {
        if (logs.DigestsBeside() is not { } beside) return;
        try
        {
            await foreach (var file in beside.ListAsync(ct).ConfigureAwait(false))
                if (file.IsDigest) Seen.Digest(beside, file);
        }
        catch (Exception e) when (e is AwsServiceError or IOException or UnauthorizedAccessException or Amazon.Runtime.AmazonServiceException)
        {
            lock (_listing) _listing.Add($"the digest files under {beside.Location} could not be listed ({(e as AwsServiceError)?.Code ?? e.Message})");
        }
    }

    /// <summary>After the reads: the digests against what the reads saw.</summary>
    public async Task<TrailDigestOutcome> ValidateAsync(CancellationToken ct)
    {
        var digests = Seen.Digests;
        string? listing;
        lock (_listing) listing = _listing.Count == 0 ? null : string.Join("; ", _listing);
        if (digests.Count == 0)
            return new TrailDigestOutcome(location) { NotChecked = listing ?? (Seen.ListedStores.Count == 0 ? "the archive could not be listed" : null) };
        var regions = digests.Select(d => TrailDigest.RegionOf(d.File.Key)).OfType<string>().Distinct(StringComparer.Ordinal).ToList();
        var from = digests.Select(d => TrailDigest.EndOf(d.File.Key)).Where(t => t is not null).Min()?.AddHours(-2);
        var (found, keysProblem) = regions.Count == 0
            ? ([], "no digest file names the region whose key signed it")
            : await keys.KeysAsync(regions, from, ct).ConfigureAwait(false);
        var report = await new TrailDigestValidator(found, problems).ValidateAsync(Seen, ct).ConfigureAwait(false);
        return new TrailDigestOutcome(location)
        {
            Report = report,
            KeysProblem = keysProblem,
            NotChecked = listing,
        };
    }
}
