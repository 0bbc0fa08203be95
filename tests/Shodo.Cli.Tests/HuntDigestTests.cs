using System.Text.Json;
using Shodo.Range;
using Shodo.Tests.Archives;

namespace Shodo.Cli.Tests;

/// <summary>
/// <c>shodo hunt</c> checks the digests beside the log files it reads: a trail with log file validation on delivers
/// to a bucket on the range; one log file is rewritten after delivery. Over S3 and over a local copy, the summary
/// says how many digests verified and names the changed file, and the hunt exits 3.
/// </summary>
public sealed class HuntDigestTests : IAsyncLifetime
{
    private const string Bucket = "trail-logs";
    private RangeHost _range = null!;
    private string _altered = null!;
    private readonly string _copy = Path.Combine(Path.GetTempPath(), "shodo-cli-tests", Guid.NewGuid().ToString("N"));

    private Dictionary<string, string?> Responder => new()
    {
        ["AWS_ACCESS_KEY_ID"] = _range.Responder.AccessKeyId, ["AWS_SECRET_ACCESS_KEY"] = _range.Responder.SecretAccessKey,
    };

    public async Task InitializeAsync()
    {
        _range = await RangeHost.StartAsync(new RangeOptions { Port = 0 });
        _range.State.CreateBucket(Bucket, "us-east-1");
        _range.State.CreateTrail("main", Bucket, startLoggingAt: _range.State.Clock.Now.AddMinutes(-5)).LogFileValidationEnabled = true;
        for (var round = 0; round < 2; round++)
        {
            Assert.Equal(0, (await CliRun.Invoke(Responder, "whoami", "--endpoint-url", _range.Url.ToString(), "--region", "us-east-1")).ExitCode);
            _range.State.DeliverTrailLogs();
        }
        lock (_range.State.Sync)
        {
            _altered = _range.State.FindBucket(Bucket)!.Objects.Keys.First(k => k.Contains("/CloudTrail/", StringComparison.Ordinal));
            _range.State.PutObject(Bucket, _altered, ArchiveSamples.Gzip("{\"Records\":[]}"u8.ToArray()));
        }
    }

    public async Task DisposeAsync()
    {
        await _range.DisposeAsync();
        if (Directory.Exists(_copy)) Directory.Delete(_copy, recursive: true);
    }

    [Fact]
    public async Task Hunt_over_s3_verifies_the_digests_names_the_changed_file_and_exits_3()
    {
        var run = await CliRun.Invoke(Responder, "hunt", "--logs", $"s3://{Bucket}/AWSLogs/", "--endpoint-url", _range.Url.ToString(),
            "--region", "us-east-1", "--lang", "en");

        Assert.True(run.ExitCode == 3, $"exit {run.ExitCode}: {run.Out}\n{run.Error}");
        Assert.Matches($@"s3://{Bucket}/AWSLogs/: digests verified: (\d+) of \1;", run.Error);
        Assert.Contains($"The log file s3://{Bucket}/{_altered} was changed after CloudTrail delivered it", run.Error);
    }

    [Fact]
    public async Task Hunt_over_a_local_copy_names_the_changed_file_by_its_path_in_json()
    {
        lock (_range.State.Sync)
            foreach (var (key, obj) in _range.State.FindBucket(Bucket)!.Objects)
                ArchiveSamples.Write(_copy, key, obj.Body);

        var run = await CliRun.Invoke(Responder, "hunt", "--logs", _copy, "--endpoint-url", _range.Url.ToString(),
            "--region", "us-east-1", "--output", "json");

        Assert.True(run.ExitCode == 3, $"exit {run.ExitCode}: {run.Out}\n{run.Error}");
        var digests = JsonDocument.Parse(run.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries).Last()).RootElement.GetProperty("digests");
        Assert.Equal([Path.Combine(_copy, _altered)], digests.GetProperty("altered").EnumerateArray().Select(a => a.GetString()));
        Assert.True(digests.GetProperty("digestsVerified").GetInt32() > 0);
        Assert.Empty(digests.GetProperty("missing").EnumerateArray());
    }
}
