using System.IO.Compression;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Amazon.Runtime;
using Amazon.S3;
using Amazon.S3.Model;
using Shodo.Range;
using Shodo.Reports.Escaping;

namespace Shodo.Cli.Tests;

/// <summary>
/// The leaked-key-cryptomining scenario with log file validation on its trail (digests delivered beside the log
/// files). After collect, the attacker — holding the leaked key — rewrites one delivered log file through S3
/// PutObject (hiding their address), and one is removed with the range's own state (the range serves no
/// DeleteObject, as Shodo never sends one). <c>investigate</c> validates the digests as it reads the trail bucket
/// and names both files, in coverage.json (gaps and the digest summary) and in the report.
/// </summary>
public sealed class InvestigateTrailDigestTests : IAsyncLifetime
{
    private RangeHost _range = null!;
    private readonly string _root = Path.Combine(Path.GetTempPath(), "shodo-cli-tests", Guid.NewGuid().ToString("N"));
    private string _caseId = null!;

    private Dictionary<string, string?> Responder => new()
    {
        ["AWS_ACCESS_KEY_ID"] = _range.Responder.AccessKeyId, ["AWS_SECRET_ACCESS_KEY"] = _range.Responder.SecretAccessKey,
    };

    public async Task InitializeAsync()
    {
        _range = await RangeHost.StartAsync(new RangeOptions { Port = 0, Scenario = "leaked-key-cryptomining" });
        lock (_range.State.Sync)
        {
            // As if log file validation had been on from the start: the scenario's log files delivered again, with digests.
            foreach (var trail in _range.State.Trails.Values)
            {
                trail.LogFileValidationEnabled = true;
                trail.DeliveredCallCount = 0;
                var objects = _range.State.FindBucket(trail.S3BucketName)!.Objects;
                foreach (var key in objects.Keys.Where(k => k.Contains("/CloudTrail/", StringComparison.Ordinal)).ToList()) objects.Remove(key);
            }
            _range.State.DeliverTrailLogs();
        }
        var open = await CliRun.Invoke(["case", "open", "--case-dir", _root, "--output", "json"]);
        _caseId = JsonDocument.Parse(open.Out).RootElement.GetProperty("id").GetString()!;
        var collect = await CliRun.Invoke(Responder, "collect", _caseId, "--case-dir", _root, "--endpoint-url", _range.Url.ToString(),
            "--region", "us-east-1", "--output", "json");
        Assert.Equal(0, collect.ExitCode);
    }

    public async Task DisposeAsync()
    {
        await _range.DisposeAsync();
        if (Directory.Exists(_root)) Directory.Delete(_root, recursive: true);
    }

    [Fact]
    public async Task Investigate_names_a_log_file_altered_and_one_deleted_after_delivery_in_coverage_and_the_report()
    {
        var truth = _range.GroundTruth!;
        var (bucket, attackLogs) = AttackLogFiles(truth.LeakedAccessKeyId!, truth.AttackStartedAt);
        Assert.True(attackLogs.Count >= 2, $"the attack is in {attackLogs.Count} log files");
        var altered = attackLogs[0];
        var deleted = attackLogs[1];
        await RewriteAsAttackerAsync(bucket, altered, truth.SourceIps);
        lock (_range.State.Sync) _range.State.FindBucket(bucket)!.Objects.Remove(deleted);

        var run = await CliRun.Invoke(Responder, "investigate", _caseId, "--case-dir", _root, "--endpoint-url", _range.Url.ToString(),
            "--region", "us-east-1", "--access-key-id", truth.LeakedAccessKeyId!, "--output", "json");

        var investigation = JsonNode.Parse(File.ReadAllBytes(Path.Combine(_root, _caseId, "coverage.json")))!["investigation"]!;
        Assert.True(run.ExitCode == 3, $"exit {run.ExitCode}: {investigation["digests"]}\n{altered}\n{deleted}\n{run.Error}");
        Assert.False(JsonDocument.Parse(run.Out).RootElement.GetProperty("complete").GetBoolean());
        var alteredUrl = $"s3://{bucket}/{altered}";
        var deletedUrl = $"s3://{bucket}/{deleted}";
        var gaps = investigation["gaps"]!.AsArray().Select(g => ((string?)g!["source"], (string?)g["kind"])).ToList();
        Assert.Contains((alteredUrl, "Altered"), gaps);
        Assert.Contains((deletedUrl, "Missing"), gaps);
        var digests = investigation["digests"]!.AsArray().Single(d => (int)d!["digests"]! > 0)!;
        Assert.Equal([alteredUrl], digests["altered"]!.AsArray().Select(a => (string?)a));
        Assert.Equal([deletedUrl], digests["missing"]!.AsArray().Select(a => (string?)a));
        Assert.Equal((int)digests["digests"]!, (int)digests["digestsVerified"]!);
        Assert.True((int)digests["logFilesVerified"]! > 0);

        var report = await CliRun.Invoke("report", _caseId, "--case-dir", _root, "--format", "md", "--lang", "en");
        Assert.True(report.ExitCode == 0, report.Error);
        var markdown = File.ReadAllText(Path.Combine(_root, _caseId, "report.en.md"));
        Assert.Contains(MarkdownText.Escape($"The log file {alteredUrl} was changed after CloudTrail delivered it"), markdown);
        Assert.Contains(MarkdownText.Escape($"The log file {deletedUrl} is named in digest"), markdown);
        Assert.Matches(@"digests verified: \d+ of \d+", markdown);
        var verify = await CliRun.Invoke("case", "verify", _caseId, "--case-dir", _root);
        Assert.Equal(0, verify.ExitCode);
    }

    /// <summary>The trail bucket and its log files delivered since the attack began that hold a call made with the leaked key.</summary>
    private (string Bucket, List<string> Keys) AttackLogFiles(string leakedKey, DateTimeOffset attackStarted)
    {
        lock (_range.State.Sync)
        {
            var bucket = _range.State.Trails.Values.Single().S3BucketName;
            var keys = _range.State.FindBucket(bucket)!.Objects
                .Where(o => o.Key.Contains("/CloudTrail/", StringComparison.Ordinal)
                            && Shodo.Trail.Archives.TrailLogFileTime.DeliveredAt(o.Key) >= attackStarted
                            && Encoding.UTF8.GetString(Gunzip(o.Value.Body)).Contains(leakedKey, StringComparison.Ordinal))
                .Select(o => o.Key).ToList();
            return (bucket, keys);
        }
    }

    /// <summary>As the attacker, with the leaked key: the same log file with their addresses replaced, written over the original.</summary>
    private async Task RewriteAsAttackerAsync(string bucket, string key, IReadOnlyList<string> addresses)
    {
        byte[] body;
        lock (_range.State.Sync) body = _range.State.FindBucket(bucket)!.Objects[key].Body;
        var text = Encoding.UTF8.GetString(Gunzip(body));
        foreach (var address in addresses) text = text.Replace(address, "10.0.0.7", StringComparison.Ordinal);
        var leaked = _range.Leaked!;
        using var s3 = new AmazonS3Client(new BasicAWSCredentials(leaked.AccessKeyId, leaked.SecretAccessKey),
            new AmazonS3Config { ServiceURL = _range.Url.ToString(), ForcePathStyle = true, AuthenticationRegion = "us-east-1", MaxErrorRetry = 0 });
        await s3.PutObjectAsync(new PutObjectRequest { BucketName = bucket, Key = key, InputStream = new MemoryStream(Shodo.Tests.Archives.ArchiveSamples.Gzip(Encoding.UTF8.GetBytes(text))) });
    }

    private static byte[] Gunzip(byte[] data)
    {
        using var input = new GZipStream(new MemoryStream(data), CompressionMode.Decompress);
        using var output = new MemoryStream();
        input.CopyTo(output);
        return output.ToArray();
    }
}
