using System.IO.Compression;
using Amazon.Runtime;
using Shodo.Aws.CloudTrail.Model;
using Shodo.Aws.CloudTrail.Calls;
using Shodo.Aws.Connection;
using Shodo.Aws.Safety;
using Shodo.Range;
using Shodo.Tests.Aws;
using Shodo.Tests.Cases;
using Shodo.Trail;
using Shodo.Trail.Archives;
using Shodo.Trail.Digests;
using Shodo.Trail.Records;

namespace Shodo.Tests.Archives;

/// <summary>
/// Digest validation end to end: the range delivers log files and signed, chained digests to a bucket;
/// the validator reads them over S3 (or a local copy) with the keys from ListPublicKeys.
/// </summary>
public sealed class TrailDigestValidatorTests : IAsyncLifetime
{
    private const string Bucket = "trail-logs";
    private RangeHost _range = null!;
    private AwsConnection _aws = null!;

    public async Task InitializeAsync()
    {
        _range = await RangeHost.StartAsync(new RangeOptions { Port = 0 });
        _range.State.CreateBucket(Bucket, "us-east-1");
        var trail = _range.State.CreateTrail("main", Bucket, startLoggingAt: _range.State.Clock.Now.AddMinutes(-5));
        trail.LogFileValidationEnabled = true;
        _aws = await AwsConnection.OpenAsync(new AwsConnectionOptions
        {
            Credentials = new BasicAWSCredentials(_range.Responder.AccessKeyId, _range.Responder.SecretAccessKey),
            Region = "us-east-1", EndpointUrl = _range.Url, Retry = TestConnections.QuickRetry, RefusalSink = NoRefusalSink.Instance,
        });
        for (var round = 0; round < 3; round++)
        {
            await _aws.WhoAmIAsync();
            await _aws.CloudTrail("us-east-1").SendAsync(new DescribeTrails());
            await _aws.CloudTrail("eu-west-1").SendAsync(new DescribeTrails());
            _range.State.DeliverTrailLogs();
        }
    }

    public async Task DisposeAsync()
    {
        _aws.Dispose();
        await _range.DisposeAsync();
    }

    private async Task<IReadOnlyList<TrailDigestKey>> Keys() =>
        await _aws.CloudTrail("us-east-1").ListAllAsync(new ListPublicKeys());

    private async Task<(TrailDigestReport, IReadOnlyList<TrailProblem>)> Validate(ITrailLogStore store)
    {
        var problems = new TrailProblemList();
        var report = await new TrailDigestValidator(store, await Keys(), problems).ValidateAsync();
        return (report, problems.Snapshot());
    }

    private ITrailLogStore S3Store() => new S3TrailLogStore(_aws.S3("us-east-1"), Bucket, "AWSLogs/");

    private List<string> Keys(string part) =>
        _range.State.FindBucket(Bucket)!.Objects.Keys.Where(k => k.Contains(part, StringComparison.Ordinal)).Order().ToList();

    [Fact]
    public async Task An_untouched_bucket_verifies_every_digest_signature_chain_and_log_file()
    {
        var (report, problems) = await Validate(S3Store());
        Assert.True(problems.Count == 0, string.Join("\n", problems));
        Assert.True(report.Intact);
        var digests = Keys("/CloudTrail-Digest/");
        Assert.True(digests.Count >= 3, string.Join(",", digests));
        Assert.Equal(digests.Count, report.Digests);
        Assert.Equal(digests.Count, report.DigestsVerified);
        Assert.Equal(Keys("/CloudTrail/").Count, report.LogFilesVerified);
    }

    [Fact]
    public async Task A_deleted_and_an_altered_log_file_are_named()
    {
        var logs = Keys("/CloudTrail/");
        var bucket = _range.State.FindBucket(Bucket)!;
        bucket.Objects.Remove(logs[0]);
        var altered = logs[1];
        _range.State.PutObject(Bucket, altered, Gzip("{\"Records\":[]}"u8.ToArray()));

        var (report, problems) = await Validate(S3Store());

        Assert.False(report.Intact);
        Assert.Equal([logs[0]], report.MissingLogFiles);
        Assert.Equal([$"s3://{Bucket}/{altered}"], report.AlteredLogFiles);
        Assert.Contains(problems, p => p.Kind == TrailProblemKinds.LogFileMissing && p.File.EndsWith(logs[0], StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Kind == TrailProblemKinds.LogFileAltered && p.File.EndsWith(altered, StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_rewritten_digest_fails_its_signature_and_breaks_the_chain()
    {
        var digest = Keys("/CloudTrail-Digest/us-east-1/")[0];
        var obj = _range.State.FindBucket(Bucket)!.Objects[digest];
        var text = System.Text.Encoding.UTF8.GetString(Gunzip(obj.Body));
        var forged = _range.State.PutObject(Bucket, digest, Gzip(System.Text.Encoding.UTF8.GetBytes(text.Replace("\"logFiles\":[", "\"logFiles\":[ "))));
        forged.Metadata["signature"] = obj.Metadata["signature"];

        var (report, _) = await Validate(S3Store());

        Assert.Equal([$"s3://{Bucket}/{digest}"], report.InvalidDigests);
        Assert.Contains(report.ChainBreaks, b => b.Contains("has been changed", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_planted_digest_whose_text_is_not_utf8_is_named_invalid_and_the_rest_verified()
    {
        var digest = Keys("/CloudTrail-Digest/us-east-1/")[0];
        var planted = digest.Replace(".json.gz", "-planted.json.gz", StringComparison.Ordinal);
        _range.State.PutObject(Bucket, planted, Gzip([.. "{\"digestEndTime\":\"2026-01-01T00:00:00Z"u8, 0xFF, .. "\",\"digestS3Object\":\"x\"}"u8]));

        var (report, problems) = await Validate(S3Store());

        Assert.Equal([$"s3://{Bucket}/{planted}"], report.InvalidDigests);
        Assert.Contains(problems, p => p.File == $"s3://{Bucket}/{planted}" && p.Message.Contains("UTF-8", StringComparison.Ordinal));
        Assert.Equal(Keys("/CloudTrail/").Count, report.LogFilesVerified);
    }

    [Fact]
    public async Task A_deleted_digest_in_the_middle_breaks_the_chain()
    {
        var digests = Keys("/CloudTrail-Digest/us-east-1/");
        _range.State.FindBucket(Bucket)!.Objects.Remove(digests[1]);

        var (report, _) = await Validate(S3Store());

        Assert.Contains(report.ChainBreaks, b => b.Contains(digests[1], StringComparison.Ordinal) && b.Contains("missing", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_local_copy_verifies_all_but_the_newest_digest_through_the_chain()
    {
        using var dir = new TempFolder();
        foreach (var (key, obj) in _range.State.FindBucket(Bucket)!.Objects)
            ArchiveSamples.Write(dir.Path, key, obj.Body);

        var (report, problems) = await Validate(new LocalTrailLogStore(dir.Path));

        Assert.True(problems.Count == 0, string.Join("\n", problems));
        Assert.True(report.Intact);
        var chains = Keys("/CloudTrail-Digest/").GroupBy(k => k.Split('/')[3]).Count();
        Assert.Equal(chains, report.UnverifiableDigests.Count);
        Assert.Equal(report.Digests - chains, report.DigestsVerified);
        Assert.Equal(Keys("/CloudTrail/").Count, report.LogFilesVerified);
    }

    /// <summary>Reads every store with one digest check, digests beside them listed first, as investigate and hunt do.</summary>
    private async Task<(TrailDigestOutcome Outcome, IReadOnlyList<TrailProblem> Problems)> ReadAndCheck(params ITrailLogStore[] stores)
    {
        var problems = new TrailProblemList();
        var check = new TrailDigestCheck($"s3://{Bucket}", new CloudTrailPublicKeys(_aws, TimeProvider.System), problems);
        foreach (var store in stores) await check.BesideAsync(store, default);
        foreach (var store in stores)
            await new TrailArchiveReader(store, problems, new TrailArchiveOptions { Seen = check.Seen }).VisitAsync(_ => (_, _) => { });
        return (await check.ValidateAsync(default), problems.Snapshot());
    }

    [Fact]
    public async Task Reading_the_bucket_checks_its_digests_against_the_hashes_taken_while_reading()
    {
        var logs = Keys("/CloudTrail/");
        var digests = Keys("/CloudTrail-Digest/");
        _range.State.FindBucket(Bucket)!.Objects.Remove(logs[0]);
        _range.State.PutObject(Bucket, logs[1], Gzip("{\"Records\":[]}"u8.ToArray()));

        var (outcome, problems) = await ReadAndCheck(S3Store());

        // The reads' own calls are delivered while they read (the range delivers before it lists): more files, never fewer.
        var report = outcome.Report!;
        Assert.True(report.Digests >= digests.Count, $"{report.Digests} digests");
        Assert.Equal(report.Digests, report.DigestsVerified);
        Assert.True(report.LogFilesRead >= logs.Count - 1, $"{report.LogFilesRead} read");
        Assert.True(report.LogFilesVerified >= logs.Count - 2, $"{report.LogFilesVerified} verified");
        Assert.Equal([logs[0]], report.MissingLogFiles);
        Assert.Equal([$"s3://{Bucket}/{logs[1]}"], report.AlteredLogFiles);
        Assert.Equal([(TrailProblemKinds.LogFileAltered, $"s3://{Bucket}/{logs[1]}"), (TrailProblemKinds.LogFileMissing, $"s3://{Bucket}/{logs[0]}")],
            report.LogFileFindings.Select(f => (f.Kind, f.File)).OrderBy(f => f.Kind));
        Assert.Contains(problems, p => p.Kind == TrailProblemKinds.LogFileAltered && p.File == $"s3://{Bucket}/{logs[1]}");
    }

    [Fact]
    public async Task Day_prefixes_find_their_digests_beside_them()
    {
        var account = _range.State.AccountId;
        var now = _range.State.Clock.Now;
        var prefixes = TrailBucketPrefixes.For(null, new TrailWindow(now.AddHours(-1), null), account, ["us-east-1", "eu-west-1"], now);
        var logs = Keys("/CloudTrail/");
        var digests = Keys("/CloudTrail-Digest/");
        var altered = Keys("/CloudTrail/eu-west-1/")[0];
        _range.State.PutObject(Bucket, altered, Gzip("{\"Records\":[]}"u8.ToArray()));

        var (outcome, _) = await ReadAndCheck([.. prefixes.Select(p => new S3TrailLogStore(_aws.S3("us-east-1"), Bucket, p))]);

        var report = outcome.Report!;
        Assert.True(report.Digests >= digests.Count, $"{report.Digests} digests");
        Assert.Equal(report.Digests, report.DigestsVerified);
        Assert.True(report.LogFilesVerified >= logs.Count - 1, $"{report.LogFilesVerified} verified");
        Assert.Empty(report.MissingLogFiles);
        Assert.Equal([$"s3://{Bucket}/{altered}"], report.AlteredLogFiles);
        Assert.Contains("digests verified: ", TrailDigestSentences.Summary(outcome, System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public async Task A_log_file_delivered_after_the_listing_is_not_called_missing()
    {
        var store = S3Store();
        var problems = new TrailProblemList();
        var check = new TrailDigestCheck(store.Location, new CloudTrailPublicKeys(_aws, TimeProvider.System), problems);
        await new TrailArchiveReader(store, problems, new TrailArchiveOptions { Seen = check.Seen }).VisitAsync(_ => (_, _) => { });
        await _aws.WhoAmIAsync();
        var delivered = _range.State.DeliverTrailLogs();
        foreach (var digest in delivered.Where(k => k.Contains("/CloudTrail-Digest/", StringComparison.Ordinal)))
            check.Seen.Digest(store, new TrailLogFile($"s3://{Bucket}/{digest}", digest, 0, null));

        var outcome = await check.ValidateAsync(default);

        Assert.NotEmpty(delivered.Where(k => k.Contains("/CloudTrail/", StringComparison.Ordinal)));
        Assert.Empty(outcome.Report!.MissingLogFiles);
        Assert.True(outcome.Report.LogFilesNotChecked > 0);
    }

    [Fact]
    public async Task Without_public_keys_the_log_files_are_still_compared_and_the_reason_is_said()
    {
        var altered = Keys("/CloudTrail/")[0];
        _range.State.PutObject(Bucket, altered, Gzip("{\"Records\":[]}"u8.ToArray()));
        var problems = new TrailProblemList();
        var check = new TrailDigestCheck(S3Store().Location, new NoTrailDigestKeys("no credentials"), problems);
        await new TrailArchiveReader(S3Store(), problems, new TrailArchiveOptions { Seen = check.Seen }).VisitAsync(_ => (_, _) => { });

        var outcome = await check.ValidateAsync(default);

        Assert.Equal(0, outcome.Report!.DigestsVerified);
        Assert.Equal(outcome.Report.Digests, outcome.Report.UnverifiableDigests.Count);
        Assert.Equal([$"s3://{Bucket}/{altered}"], outcome.Report.AlteredLogFiles);
        Assert.Contains("because no credentials", TrailDigestSentences.Summary(outcome, System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public async Task An_archive_without_digests_says_so()
    {
        using var dir = new TempFolder();
        foreach (var (key, obj) in _range.State.FindBucket(Bucket)!.Objects.Where(o => !o.Key.Contains("Digest", StringComparison.Ordinal)))
            ArchiveSamples.Write(dir.Path, key, obj.Body);
        var check = new TrailDigestCheck(dir.Path, new NoTrailDigestKeys("unused"), new TrailProblemList());
        await new TrailArchiveReader(new LocalTrailLogStore(dir.Path), new TrailProblemList(), new TrailArchiveOptions { Seen = check.Seen })
            .VisitAsync(_ => (_, _) => { });

        var outcome = await check.ValidateAsync(default);

        Assert.True(outcome.NoDigests);
        Assert.StartsWith($"{dir.Path}: no digest files were found", TrailDigestSentences.Summary(outcome, System.Globalization.CultureInfo.InvariantCulture));
    }

    private static byte[] Gzip(byte[] data)
    {
        using var buffer = new MemoryStream();
        using (var gzip = new GZipStream(buffer, CompressionLevel.Fastest)) gzip.Write(data);
        return buffer.ToArray();
    }

    private static byte[] Gunzip(byte[] data)
    {
        using var input = new GZipStream(new MemoryStream(data), CompressionMode.Decompress);
        using var output = new MemoryStream();
        input.CopyTo(output);
        return output.ToArray();
    }
}
