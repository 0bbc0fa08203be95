using System.Text.Json;
using System.Text.Json.Nodes;
using Amazon.EC2;
using Amazon.EC2.Model;
using Amazon.Runtime;
using Amazon.S3;
using Amazon.S3.Model;
using Shodo.Range;
using Shodo.Reports.Escaping;
using Shodo.Tests.Archives;

namespace Shodo.Cli.Tests;

/// <summary>
/// <c>shodo respond</c> when the attacker, holding the leaked key, has written into the trail bucket
/// (files that are not UTF-8, hold an unpaired surrogate, break off, are cut, are huge or nested past
/// any sane depth, one with a name built to act on a terminal and a report) and tagged the miners with
/// ESC and BEL: everything is still contained as the drill scores it, each bad file is named in
/// coverage.json and the report, escaped, and the response says it saw less than everything (exit 3).
/// </summary>
public sealed class RespondHostileTrailTests : IAsyncLifetime
{
    private const string HostileTag = "\u001b]0;pwned\u0007\u001b[2J";
    private ResponderRange _responder = null!;
    private RangeHost _range = null!;

    public async Task InitializeAsync()
    {
        _responder = await ResponderRange.StartAsync();
        _range = _responder.Range;
    }

    public async Task DisposeAsync() => await _responder.DisposeAsync();

    [Fact]
    public async Task Respond_contains_everything_names_each_planted_file_escaped_and_exits_3()
    {
        var truth = _range.GroundTruth!;
        var planted = await PlantAsync(truth.AccountId);
        await TagTheMinersAsync(truth);

        var run = await CliRun.Invoke(_responder.Environment,
            ["respond", "--watch", "0", "--access-key-id", truth.LeakedAccessKeyId!, "--yes", "--output", "json", .. _responder.Options]);

        Assert.True(run.ExitCode == 3, $"exit {run.ExitCode}: {run.Out}\n{run.Error}");
        var caseDir = JsonDocument.Parse(run.Out).RootElement.GetProperty("path").GetString()!;
        Assert.Equal(["first-move", "pursue", "collect", "investigate", "contain", "accounts", "report", "watch"], ResponderRange.Steps(run.Out));
        await _responder.AssertScoresLikeTheDrillAsync(caseDir);

        var coverage = JsonNode.Parse(File.ReadAllBytes(Path.Combine(caseDir, "coverage.json")))!;
        var gaps = coverage["investigation"]!["gaps"]!.AsArray().Select(g => (Source: (string?)g!["source"], Code: (string?)g["code"])).ToList();
        foreach (var (url, kinds) in planted)
            Assert.True(gaps.Any(g => g.Source == url && kinds.Split('|').Contains(g.Code)),
                $"coverage.json does not name {url} as {kinds}: {string.Join(", ", gaps)}");

        var markdown = File.ReadAllText(Path.Combine(caseDir, "report.en.md"));
        var html = File.ReadAllText(Path.Combine(caseDir, "report.en.html"));
        foreach (var (url, _) in planted)
        {
            Assert.Contains(MarkdownText.Cell(url), markdown);
            Assert.Contains(HtmlText.Escape(url), html);
        }
        Assert.DoesNotContain('\u001b', markdown + html);
        Assert.DoesNotContain("<img", html);
        Assert.DoesNotMatch(@"(?<!\\)<img|(?<!\\)\]\(http", markdown);
    }

    /// <summary>As the attacker: every hostile file into today's us-east-1 folder of the trail; their s3:// names and the kinds (a|b) each may be named as.</summary>
    private async Task<List<(string Url, string Kind)>> PlantAsync(string account)
    {
        var leaked = _range.Leaked!;
        using var s3 = new AmazonS3Client(new BasicAWSCredentials(leaked.AccessKeyId, leaked.SecretAccessKey),
            new AmazonS3Config { ServiceURL = _range.Url.ToString(), ForcePathStyle = true, AuthenticationRegion = "us-east-1", MaxErrorRetry = 0 });
        string bucket;
        DateTimeOffset now;
        lock (_range.State.Sync)
        {
            bucket = _range.State.Trails.Values.Single().S3BucketName;
            now = _range.State.Clock.Now;
        }
        var at = now.AddMinutes(-10);
        var files = new (string Name, byte[] Data, string Kind)[]
        {
            ("not-utf8", HostileTrailFiles.NotUtf8(at), "invalid-text"),
            ("surrogate", HostileTrailFiles.UnpairedSurrogate(at), "invalid-text"),
            ("malformed", HostileTrailFiles.Malformed(at), "invalid-json"),
            ("truncated", HostileTrailFiles.Truncated(at), "invalid-json|unreadable"),
            ("huge", HostileTrailFiles.Huge(at, 9 << 20), "record-too-large"),
            ("nested", HostileTrailFiles.DeeplyNested(at, 10_000), "invalid-json"),
            ("<img src=x onerror=alert(1)>|[click](http://evil)\u001b[2J", HostileTrailFiles.NotUtf8(at), "invalid-text"),
        };
        var planted = new List<(string, string)>();
        foreach (var (name, data, kind) in files)
        {
            var key = $"AWSLogs/{account}/CloudTrail/us-east-1/{now:yyyy/MM/dd}/{account}_CloudTrail_us-east-1_{now:yyyyMMdd'T'HHmm'Z'}_{name}.json.gz";
            await s3.PutObjectAsync(new PutObjectRequest { BucketName = bucket, Key = key, InputStream = new MemoryStream(data) });
            planted.Add(($"s3://{bucket}/{key}", kind));
        }
        return planted;
    }

    /// <summary>As the attacker: ESC and BEL in a tag on every miner they launched.</summary>
    private async Task TagTheMinersAsync(Shodo.Range.Scenarios.GroundTruth truth)
    {
        var leaked = _range.Leaked!;
        foreach (var region in truth.Instances.GroupBy(i => i.Region))
        {
            using var ec2 = new AmazonEC2Client(new BasicAWSCredentials(leaked.AccessKeyId, leaked.SecretAccessKey),
                new AmazonEC2Config { ServiceURL = _range.Url.ToString(), AuthenticationRegion = region.Key, MaxErrorRetry = 0 });
            await ec2.CreateTagsAsync(new CreateTagsRequest
            {
                Resources = region.Select(i => i.InstanceId).ToList(), Tags = [new Amazon.EC2.Model.Tag("Note", HostileTag)],
            });
        }
    }
}
