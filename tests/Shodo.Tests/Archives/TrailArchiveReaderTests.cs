using Amazon.Runtime;
using Shodo.Aws.Connection;
using Shodo.Aws.Safety;
using Shodo.Range;
using Shodo.Tests.Aws;
using Shodo.Tests.Cases;
using Shodo.Trail;
using Shodo.Trail.Records;
using Shodo.Trail.Archives;

namespace Shodo.Tests.Archives;

public sealed class TrailArchiveReaderTests
{
    private static async Task<List<TrailRecord>> ReadAll(TrailArchiveReader reader)
    {
        var all = new List<TrailRecord>();
        await foreach (var r in reader.ReadAsync()) all.Add(r);
        return all;
    }

    [Fact]
    public async Task A_directory_of_every_shape_yields_every_record_once_and_skips_digests()
    {
        using var dir = new TempFolder();
        var expected = ArchiveSamples.WriteDetonationArchive(dir.Path);
        ArchiveSamples.Write(dir.Path, "AWSLogs/1/CloudTrail-Digest/us-east-1/x_CloudTrail-Digest_us-east-1_t.json.gz",
            ArchiveSamples.Gzip("""{"logFiles":[]}"""u8.ToArray()));
        ArchiveSamples.Write(dir.Path, "README.txt", "not a log"u8.ToArray());
        var problems = new TrailProblemList();
        var reader = new TrailArchiveReader(new LocalTrailLogStore(dir.Path), problems, new TrailArchiveOptions { FilesInFlight = 3 });

        var records = await ReadAll(reader);

        Assert.Empty(problems.Snapshot());
        Assert.Equal(expected, records.Count);
        Assert.Equal(expected, records.Select(r => (r.Source, r.EventId)).Distinct().Count());
        var coverage = reader.Coverage!;
        Assert.Equal(TrailTestData.DetonationFiles.Count, coverage.LogFiles);
        Assert.Equal(1, coverage.DigestFiles);
        Assert.Equal(1, coverage.OtherFiles);
        Assert.Empty(coverage.UnreadableFiles);
        Assert.Contains(records, r => r.EventName == "StopLogging" && r.Source.EndsWith("cloudtrail-stop.jsonl", StringComparison.Ordinal) is false);
    }

    [Fact]
    public async Task Broken_files_are_named_in_problems_and_coverage_and_the_rest_is_read()
    {
        using var dir = new TempFolder();
        var records = ArchiveSamples.Records("aws.execution.ssm-send-command.json");
        var whole = ArchiveSamples.Gzip(ArchiveSamples.Envelope(records));
        ArchiveSamples.Write(dir.Path, "good.json.gz", whole);
        ArchiveSamples.Write(dir.Path, "truncated.json.gz", whole[..(whole.Length / 2)]);
        ArchiveSamples.Write(dir.Path, "garbage.json.gz", [0x1f, 0x8b, 8, 0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12]);
        ArchiveSamples.Write(dir.Path, "invalid.json", "{\"Records\":[{\"eventID\":\"x\",}]}"u8.ToArray());
        ArchiveSamples.Write(dir.Path, "other.json", """{"policy":"not a log"}"""u8.ToArray());
        ArchiveSamples.Write(dir.Path, "bad-record.json", """[{"eventID":"no time"}]"""u8.ToArray());
        var problems = new TrailProblemList();
        var reader = new TrailArchiveReader(new LocalTrailLogStore(dir.Path), problems);

        var read = await ReadAll(reader);

        Assert.True(read.Count(r => r.Source.EndsWith("good.json.gz")) == records.Count);
        var unreadable = reader.Coverage!.UnreadableFiles.Select(Path.GetFileName).ToList();
        Assert.Equal(["garbage.json.gz", "invalid.json", "other.json", "truncated.json.gz"], unreadable);
        var byFile = problems.Snapshot().ToLookup(p => Path.GetFileName(p.File));
        Assert.Contains(byFile["truncated.json.gz"], p => p.Kind is TrailProblemKinds.InvalidJson or TrailProblemKinds.Unreadable);
        Assert.Contains(byFile["garbage.json.gz"], p => p.Kind == TrailProblemKinds.Unreadable);
        Assert.Contains(byFile["other.json"], p => p.Kind == TrailProblemKinds.WrongShape);
        var bad = Assert.Single(byFile["bad-record.json"]);
        Assert.Equal((TrailProblemKinds.BadRecord, 0L), (bad.Kind, bad.RecordIndex!.Value));
    }

    [Fact]
    public async Task Planted_files_are_each_named_and_every_good_record_is_read()
    {
        using var dir = new TempFolder();
        var time = DateTimeOffset.Parse("2026-12-06T16:00:00Z");
        var records = ArchiveSamples.Records("aws.execution.ssm-send-command.json");
        ArchiveSamples.Write(dir.Path, "good.json.gz", ArchiveSamples.Gzip(ArchiveSamples.Envelope(records)));
        var planted = HostileTrailFiles.NotUtf8(time);
        ArchiveSamples.Write(dir.Path, "planted.json.gz", planted);
        ArchiveSamples.Write(dir.Path, "surrogate.json.gz", HostileTrailFiles.UnpairedSurrogate(time));
        ArchiveSamples.Write(dir.Path, "nested.json.gz", HostileTrailFiles.DeeplyNested(time, 10_000));
        ArchiveSamples.Write(dir.Path, "huge.json.gz", HostileTrailFiles.Huge(time, 300_000));
        var problems = new TrailProblemList();
        var reader = new TrailArchiveReader(new LocalTrailLogStore(dir.Path), problems, new TrailArchiveOptions
        {
            Limits = new TrailLogReadOptions { MaxRecordBytes = 256 * 1024 },
        });

        var read = await ReadAll(reader);

        Assert.InRange(planted.Length, 200, 300);
        Assert.Equal(records.Count, read.Count(r => r.Source.EndsWith("good.json.gz", StringComparison.Ordinal)));
        Assert.Equal(["huge-after", "huge-before", "nested-before", "surrogate-after", "surrogate-before"],
            read.Where(r => !r.Source.EndsWith("good.json.gz", StringComparison.Ordinal)).Select(r => r.EventId).Order(StringComparer.Ordinal));
        Assert.Equal(["nested.json.gz", "planted.json.gz", "surrogate.json.gz"], reader.Coverage!.UnreadableFiles.Select(Path.GetFileName));
        var kinds = problems.Snapshot().ToLookup(p => Path.GetFileName(p.File), p => p.Kind);
        Assert.Equal([TrailProblemKinds.InvalidText], kinds["planted.json.gz"]);
        Assert.Equal([TrailProblemKinds.InvalidText], kinds["surrogate.json.gz"]);
        Assert.Equal([TrailProblemKinds.InvalidJson], kinds["nested.json.gz"]);
        Assert.Equal([TrailProblemKinds.RecordTooLarge], kinds["huge.json.gz"]);
    }

    [Fact]
    public async Task Time_window_filters_records_and_skips_files_delivered_before_it()
    {
        using var dir = new TempFolder();
        var records = ArchiveSamples.Records("aws.execution.ssm-send-command.json");
        ArchiveSamples.Write(dir.Path, "1_CloudTrail_us-east-1_20200101T0000Z_abc.json.gz", ArchiveSamples.Gzip(ArchiveSamples.Envelope(records)));
        ArchiveSamples.Write(dir.Path, "1_CloudTrail_us-east-1_20990101T0000Z_abc.json.gz", ArchiveSamples.Gzip(ArchiveSamples.Envelope(records)));
        var times = records.Select(r => DateTimeOffset.Parse(r["eventTime"]!.ToString())).Order().ToList();
        var since = times[times.Count / 2];
        var reader = new TrailArchiveReader(new LocalTrailLogStore(dir.Path), new TrailProblemList(),
            new TrailArchiveOptions { Since = since });

        var read = await ReadAll(reader);

        Assert.Equal(1, reader.Coverage!.FilesOutsideWindow);
        Assert.Equal(times.Count(t => t >= since), read.Count);
        Assert.All(read, r => Assert.True(r.EventTime >= since));
    }

    [Fact]
    public async Task An_S3_prefix_on_the_range_is_listed_and_streamed()
    {
        await using var range = await RangeHost.StartAsync(new RangeOptions { Port = 0 });
        range.State.CreateBucket("trail-bucket", "us-east-1");
        var records = ArchiveSamples.Records("aws.execution.ssm-start-session.json");
        for (var i = 0; i < 3; i++)
            range.State.PutObject("trail-bucket", $"AWSLogs/1/CloudTrail/us-east-1/2024/07/31/1_CloudTrail_us-east-1_20240731T13{i}0Z_x{i}.json.gz",
                ArchiveSamples.Gzip(ArchiveSamples.Envelope(records)));
        range.State.PutObject("trail-bucket", "AWSLogs/1/CloudTrail/us-east-1/2024/07/31/broken.json.gz", [0x1f, 0x8b, 1]);
        range.State.PutObject("trail-bucket", "elsewhere/1.json.gz", ArchiveSamples.Gzip(ArchiveSamples.Envelope(records)));
        using var aws = await AwsConnection.OpenAsync(new AwsConnectionOptions
        {
            Credentials = new BasicAWSCredentials(range.Responder.AccessKeyId, range.Responder.SecretAccessKey),
            Region = "us-east-1", EndpointUrl = range.Url, Retry = TestConnections.QuickRetry, RefusalSink = NoRefusalSink.Instance,
        });
        var problems = new TrailProblemList();
        var reader = new TrailArchiveReader(new S3TrailLogStore(aws.S3("us-east-1"), "trail-bucket", "AWSLogs/"), problems);

        var read = await ReadAll(reader);

        Assert.Equal(3 * records.Count, read.Count);
        Assert.All(read, r => Assert.StartsWith("s3://trail-bucket/AWSLogs/", r.Source));
        Assert.Equal(["s3://trail-bucket/AWSLogs/1/CloudTrail/us-east-1/2024/07/31/broken.json.gz"], reader.Coverage!.UnreadableFiles);
        Assert.Single(problems.Snapshot());
    }

    /// <summary>A store whose files all open but one, which AWS would not serve (503 SlowDown after every retry).</summary>
    private sealed class OneFileUnavailable(ITrailLogStore inner, string name) : ITrailLogStore
    {
        public string Location => inner.Location;
        public IAsyncEnumerable<TrailLogFile> ListAsync(CancellationToken ct) => inner.ListAsync(ct);
        public Task<Stream> OpenAsync(TrailLogFile file, CancellationToken ct) => file.Name.EndsWith(name, StringComparison.Ordinal)
            ? throw new Shodo.Aws.Errors.AwsServiceError("s3", "GetObject", "SlowDown", "Please reduce your request rate.", "r", 503)
            : inner.OpenAsync(file, ct);
        public Task<(byte[] Bytes, string? Signature)> ReadDigestAsync(TrailLogFile file, CancellationToken ct) => inner.ReadDigestAsync(file, ct);
        public ITrailLogStore? DigestsBeside() => inner.DigestsBeside();
        public bool Covers(string bucket, string key) => inner.Covers(bucket, key);
        public Task<bool?> IsGoneAsync(string key, CancellationToken ct) => inner.IsGoneAsync(key, ct);
        public Task<string> NameOfAsync(string key, CancellationToken ct) => inner.NameOfAsync(key, ct);
    }

    [Fact]
    public async Task A_file_AWS_would_not_serve_is_unavailable_not_unreadable_so_reading_again_can_fill_it()
    {
        using var dir = new TempFolder();
        var records = ArchiveSamples.Records("aws.execution.ssm-start-session.json");
        foreach (var n in new[] { "a", "b" })
            ArchiveSamples.Write(dir.Path, $"AWSLogs/1/CloudTrail/us-east-1/2024/07/31/1_CloudTrail_us-east-1_20240731T1300Z_{n}.json.gz",
                ArchiveSamples.Gzip(ArchiveSamples.Envelope(records)));
        var problems = new TrailProblemList();
        var reader = new TrailArchiveReader(new OneFileUnavailable(new LocalTrailLogStore(dir.Path), "_b.json.gz"), problems);

        var read = await ReadAll(reader);

        Assert.Equal(records.Count, read.Count);
        var problem = Assert.Single(problems.Snapshot());
        Assert.Equal(TrailProblemKinds.Unavailable, problem.Kind);
        Assert.EndsWith("_b.json.gz", problem.File);
    }

    [Theory]
    [InlineData("s3://bucket/AWSLogs/1/", "bucket", "AWSLogs/1/")]
    [InlineData("s3://bucket", "bucket", "")]
    public void S3_urls_split_into_bucket_and_prefix(string url, string bucket, string prefix) =>
        Assert.Equal((bucket, prefix), S3TrailLogStore.ParseUrl(url));
}
