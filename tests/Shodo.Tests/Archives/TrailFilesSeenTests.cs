using System.Security.Cryptography;
using Shodo.Tests.Cases;
using Shodo.Trail;
using Shodo.Trail.Archives;

namespace Shodo.Tests.Archives;

/// <summary>
/// The archive reader hashes each log file while it parses it, for the digest check: the SHA-256 of the whole
/// uncompressed file (also of one the parser stopped in), each file opened once, and no hash for a file that could
/// not be read to its end.
/// </summary>
public sealed class TrailFilesSeenTests
{
    private static readonly DateTimeOffset At = new(2026, 11, 28, 9, 0, 0, TimeSpan.Zero);

    private static string Sha256Hex(byte[] gzip)
    {
        using var input = new System.IO.Compression.GZipStream(new MemoryStream(gzip), System.IO.Compression.CompressionMode.Decompress);
        return Convert.ToHexStringLower(SHA256.HashData(input));
    }

    /// <summary>Counts opens; the file named <c>broken</c> fails after its first bytes, as a connection that breaks.</summary>
    private sealed class Counting(ITrailLogStore inner) : ITrailLogStore
    {
        public readonly System.Collections.Concurrent.ConcurrentDictionary<string, int> Opened = new();
        public string Location => inner.Location;
        public IAsyncEnumerable<TrailLogFile> ListAsync(CancellationToken ct) => inner.ListAsync(ct);

        public async Task<Stream> OpenAsync(TrailLogFile file, CancellationToken ct)
        {
            Opened.AddOrUpdate(file.Key, 1, (_, n) => n + 1);
            var stream = await inner.OpenAsync(file, ct);
            return file.Key.Contains("broken", StringComparison.Ordinal) ? new Breaking(stream) : stream;
        }

        public Task<(byte[] Bytes, string? Signature)> ReadDigestAsync(TrailLogFile file, CancellationToken ct) => inner.ReadDigestAsync(file, ct);
        public ITrailLogStore? DigestsBeside() => inner.DigestsBeside();
        public bool Covers(string bucket, string key) => inner.Covers(bucket, key);
        public Task<bool?> IsGoneAsync(string key, CancellationToken ct) => inner.IsGoneAsync(key, ct);
        public Task<string> NameOfAsync(string key, CancellationToken ct) => inner.NameOfAsync(key, ct);
    }

    private sealed class Breaking(Stream inner) : Stream
    {
        private long _read;
        public override int Read(byte[] buffer, int offset, int count)
        {
            if (_read > 20) throw new IOException("the connection was reset");
            var n = inner.Read(buffer, offset, Math.Min(count, 10));
            _read += n;
            return n;
        }
        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }
        public override void Flush() { }
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
        protected override void Dispose(bool disposing) { if (disposing) inner.Dispose(); base.Dispose(disposing); }
    }

    [Fact]
    public async Task Each_log_file_is_hashed_whole_while_it_is_read_once_and_a_broken_read_leaves_no_hash()
    {
        using var dir = new TempFolder();
        var good = ArchiveSamples.Gzip(HostileTrailFiles.Envelope(HostileTrailFiles.Record("good-1", At), HostileTrailFiles.Record("good-2", At)));
        var malformed = HostileTrailFiles.Malformed(At);
        var broken = ArchiveSamples.Gzip(HostileTrailFiles.Envelope(HostileTrailFiles.Record("broken-1", At)));
        ArchiveSamples.Write(dir.Path, "AWSLogs/1/CloudTrail/us-east-1/2026/11/28/good.json.gz", good);
        ArchiveSamples.Write(dir.Path, "AWSLogs/1/CloudTrail/us-east-1/2026/11/28/malformed.json.gz", malformed);
        ArchiveSamples.Write(dir.Path, "AWSLogs/1/CloudTrail/us-east-1/2026/11/28/broken.json.gz", broken);
        var store = new Counting(new LocalTrailLogStore(dir.Path));
        var seen = new TrailFilesSeen();
        var problems = new TrailProblemList();

        var records = new List<string>();
        await foreach (var r in new TrailArchiveReader(store, problems, new TrailArchiveOptions { Seen = seen }).ReadAsync()) records.Add(r.EventId);

        Assert.Equal(["good-1", "good-2", "malformed-before"], records.Order());
        Assert.Equal(TrailLogSight.Read, seen.Find("good.json.gz", out var goodSha, out _));
        Assert.Equal(Sha256Hex(good)[..32], TrailFilesSeen.Hex(goodSha));
        // The parser stopped at the bad record; the hash still covers the whole file, as CloudTrail's digest does.
        Assert.Equal(TrailLogSight.Read, seen.Find("malformed.json.gz", out var malformedSha, out _));
        Assert.Equal(Sha256Hex(malformed)[..32], TrailFilesSeen.Hex(malformedSha));
        Assert.Equal(TrailLogSight.NotRead, seen.Find("broken.json.gz", out _, out _));
        Assert.Equal(TrailLogSight.NotListed, seen.Find("other.json.gz", out _, out _));
        Assert.Equal(2, seen.LogFilesRead);
        Assert.All(store.Opened.Values, n => Assert.Equal(1, n));
        Assert.Equal(3, store.Opened.Count);
    }

    [Fact]
    public async Task A_log_file_outside_the_window_is_listed_but_not_read()
    {
        using var dir = new TempFolder();
        ArchiveSamples.Write(dir.Path, "AWSLogs/1/CloudTrail/us-east-1/2026/11/27/1_CloudTrail_us-east-1_20261127T0900Z_old.json.gz",
            ArchiveSamples.Gzip(HostileTrailFiles.Envelope(HostileTrailFiles.Record("old", At.AddDays(-1)))));
        var seen = new TrailFilesSeen();

        await new TrailArchiveReader(new LocalTrailLogStore(dir.Path), new TrailProblemList(),
            new TrailArchiveOptions { Seen = seen, Since = At }).VisitAsync(_ => (_, _) => { });

        Assert.Equal(TrailLogSight.NotRead, seen.Find("1_CloudTrail_us-east-1_20261127T0900Z_old.json.gz", out _, out _));
        Assert.Equal(0, seen.LogFilesRead);
    }
}
