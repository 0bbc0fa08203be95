using System.Collections.Concurrent;
using System.Globalization;
using System.Runtime.CompilerServices;
using Amazon.S3;
using Shodo.Trail;
using Shodo.Trail.Archives;
using Shodo.Trail.Records;

namespace Shodo.Investigation.Sources.LogFiles;

/// <summary>
/// What one response has read of an organisation trail's region folders (issue 21): the pursuit, the investigation and every
/// look of the watch read a member's folders again, and without this each read listed ninety days of them. A later read of a
/// folder lists it only from the day of the newest file read before, less <see cref="LateDelivery"/> (ListObjectsV2 StartAfter:
/// CloudTrail's keys are in date order within a region's folder), fetches only the files it did not read before, and takes the
/// rest from what was read; the files read before are given to the digest check as read, with the hash they had then, and the
/// digests beside them are checked again from the copies read then (a digest file, once delivered, does not change). A file
/// listed but not read whole (unreadable, a failed read) keeps the start where it was, so the next read lists it again.
/// </summary>
public sealed class TrailFolderReads
{
    /// <summary>
    /// How much earlier than the newest file read a later listing starts: CloudTrail names a file by its delivery, which may
    /// come minutes after the files of another region or a retried delivery; the listing is by whole days, so this is its least.
    /// </summary>
    public static readonly TimeSpan LateDelivery = TimeSpan.FromHours(1);

    private readonly ConcurrentDictionary<string, Folder> _folders = new(StringComparer.Ordinal);

    /// <summary>The digest files read, by bucket and key: a later read lists them again (their day's) but does not fetch them again.</summary>
    private readonly ConcurrentDictionary<string, (byte[] Bytes, string? Signature)> _digests = new(StringComparer.Ordinal);

    internal sealed record Folder(DateTimeOffset Since, string StartAfter, IReadOnlyDictionary<string, UInt128> FilesRead, IReadOnlyList<TrailRecord> Records);

    /// <summary>
    /// The store to read the region folder <paramref name="prefix"/> (<c>…/CloudTrail/REGION/</c>) of <paramref name="bucket"/>
    /// for records since <paramref name="since"/>: from where an earlier read that reached back as far left it, else from
    /// <paramref name="since"/>'s day.
    /// </summary>
    public Remembered Open(IAmazonS3 s3, string bucket, string prefix, DateTimeOffset since, TrailFilesSeen seen)
    {
        var earlier = _folders.TryGetValue(bucket + "/" + prefix, out var f) && f.Since <= since ? f : null;
        var store = new S3TrailLogStore(s3, bucket, prefix) { StartAfter = earlier?.StartAfter ?? DayBefore(prefix, since) };
        return new Remembered(this, bucket, prefix, since, earlier, store, seen);
    }

    /// <summary>Just before the day folder of <paramref name="time"/>: <c>prefix/YYYY/MM/DD</c>, which every key of that day and later follows.</summary>
    private static string DayBefore(string prefix, DateTimeOffset time) =>
        string.Create(CultureInfo.InvariantCulture, $"{prefix}{time.UtcDateTime:yyyy'/'MM'/'dd}");

    /// <summary>One read of one region folder: lists after the remembered start, yields only the files not read before.</summary>
    public sealed class Remembered : ITrailLogStore
    {
        private readonly TrailFolderReads _reads;
        private readonly string _key, _prefix;
        private readonly DateTimeOffset _since;
        private readonly Folder? _earlier;
        private readonly S3TrailLogStore _store;
        private readonly TrailFilesSeen _seen;
        private readonly ConcurrentBag<string> _listed = [];
        private bool _listedWhole;

        internal Remembered(TrailFolderReads reads, string bucket, string prefix, DateTimeOffset since, Folder? earlier, S3TrailLogStore store,
            TrailFilesSeen seen)
        {
            (_reads, _key, _prefix, _since, _earlier, _store, _seen) = (reads, bucket + "/" + prefix, prefix, since, earlier, store, seen);
        }

        public string Location => _store.Location;

        /// <summary>Where this read's listing starts (ListObjectsV2 StartAfter).</summary>
        public string? StartAfter => _store.StartAfter;

        /// <summary>The window new files are read in: as far back as the remembered records reach, so what is kept stays whole.</summary>
        public TrailWindow Widen(TrailWindow window) =>
            _earlier is { } e && window.Since is { } s && e.Since < s ? window with { Since = e.Since } : window;

        public async IAsyncEnumerable<TrailLogFile> ListAsync([EnumeratorCancellation] CancellationToken ct)
        {
            await foreach (var file in _store.ListAsync(ct).ConfigureAwait(false))
            {
                if (_earlier?.FilesRead.TryGetValue(file.Key, out var sha) == true)
                {
                    _seen.ReadBefore(this, file, sha);
                    continue;
                }
                if (!file.IsDigest && TrailLogFile.LooksLikeLog(file.Key)) _listed.Add(file.Key);
                yield return file;
            }
            _listedWhole = true;
        }

        /// <summary>
        /// After the read: what it read added to what was read before (remembered for the next read), and the records of both in
        /// <paramref name="window"/>.
        /// </summary>
        public SourceResult Finish(SourceResult read, TrailWindow window)
        {
            var files = new Dictionary<string, UInt128>(_earlier?.FilesRead ?? new Dictionary<string, UInt128>(), StringComparer.Ordinal);
            var unread = false;
            foreach (var key in _listed)
            {
                if (_seen.Find(TrailFilesSeen.FileName(key), out var sha, out _) == TrailLogSight.Read) files[key] = sha;
                else if (TrailLogFileTime.MayHold(key, Widen(window).Since)) unread = true;
            }
            var records = (_earlier?.Records ?? []).Concat(read.Records).DistinctBy(r => r.EventId).ToList();
            var startAfter = _store.StartAfter!;
            if (_listedWhole && !unread && files.Keys.Select(TrailLogFileTime.DeliveredAt).Max() is { } newest
                && DayBefore(_prefix, newest - LateDelivery) is var next && string.CompareOrdinal(next, startAfter) > 0)
                startAfter = next;
            _reads._folders[_key] = new Folder(_earlier is { } e && e.Since < _since ? e.Since : _since, startAfter, files, records);
            return read with
            {
                Records = records.Where(r => (window.Since is not { } since || r.EventTime >= since) && (window.Until is not { } until || r.EventTime <= until)).ToList(),
            };
        }

        public Task<Stream> OpenAsync(TrailLogFile file, CancellationToken ct) => _store.OpenAsync(file, ct);
        public Task<(byte[] Bytes, string? Signature)> ReadDigestAsync(TrailLogFile file, CancellationToken ct) => _store.ReadDigestAsync(file, ct);
        public ITrailLogStore? DigestsBeside() => _store.DigestsBeside() is { } digests ? new RememberedDigests(_reads, _key, digests) : null;
        public bool Covers(string bucket, string key) => _store.Covers(bucket, key);
        public Task<bool?> IsGoneAsync(string key, CancellationToken ct) => _store.IsGoneAsync(key, ct);
        public Task<string> NameOfAsync(string key, CancellationToken ct) => _store.NameOfAsync(key, ct);
    }

    /// <summary>The digests beside a region folder: each fetched once per response, then read from the copy.</summary>
    private sealed class RememberedDigests(TrailFolderReads reads, string folder, ITrailLogStore store) : ITrailLogStore
    {
        public string Location => store.Location;
        public IAsyncEnumerable<TrailLogFile> ListAsync(CancellationToken ct) => store.ListAsync(ct);
        public Task<Stream> OpenAsync(TrailLogFile file, CancellationToken ct) => store.OpenAsync(file, ct);

        public async Task<(byte[] Bytes, string? Signature)> ReadDigestAsync(TrailLogFile file, CancellationToken ct)
        {
            var key = folder + "|" + file.Key;
            if (reads._digests.TryGetValue(key, out var read)) return read;
            read = await store.ReadDigestAsync(file, ct).ConfigureAwait(false);
            reads._digests[key] = read;
            return read;
        }

        public ITrailLogStore? DigestsBeside() => null;
        public bool Covers(string bucket, string key) => store.Covers(bucket, key);
        public Task<bool?> IsGoneAsync(string key, CancellationToken ct) => store.IsGoneAsync(key, ct);
        public Task<string> NameOfAsync(string key, CancellationToken ct) => store.NameOfAsync(key, ct);
    }
}
