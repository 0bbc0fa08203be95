using System.IO.Compression;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Shodo.Range.Tests.Infrastructure;

namespace Shodo.Range.Tests.CloudTrail;

/// <summary>CloudTrail on the range, driven by the real AWS CLI: event history, trails and delivered log files.</summary>
public sealed class CloudTrailCliConformanceTests(RangeFixture fixture) : IClassFixture<RangeFixture>, IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("shodo-ct-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    /// <summary>LookupEvents is limited to 2 calls a second; let the CLI retry as users' CLIs do.</summary>
    private AwsCli Cli => new(fixture.Cli.Endpoint, fixture.Cli.Credentials)
    {
        Environment = new Dictionary<string, string> { ["AWS_MAX_ATTEMPTS"] = "5" },
    };

    [Fact]
    public async Task LookupEvents_finds_a_served_call_with_AWS_fields_and_its_CloudTrail_record()
    {
        await fixture.Cli.OkAsync("sts", "get-caller-identity");
        var found = await Cli.OkAsync("cloudtrail", "lookup-events", "--lookup-attributes",
            "AttributeKey=EventName,AttributeValue=GetCallerIdentity", "--max-items", "1");
        var e = found.GetProperty("Events")[0];
        Assert.Equal("GetCallerIdentity", e.GetProperty("EventName").GetString());
        Assert.Equal("sts.amazonaws.com", e.GetProperty("EventSource").GetString());
        Assert.Equal("true", e.GetProperty("ReadOnly").GetString());
        Assert.Equal("responder", e.GetProperty("Username").GetString());
        Assert.Equal(fixture.Range.Responder.AccessKeyId, e.GetProperty("AccessKeyId").GetString());
        Assert.True(e.GetProperty("EventTime").GetString() is { Length: > 0 }); // the CLI prints timestamps as ISO text

        var record = JsonNode.Parse(e.GetProperty("CloudTrailEvent").GetString()!)!;
        Assert.Equal("1.08", record["eventVersion"]!.GetValue<string>());
        Assert.Equal("IAMUser", record["userIdentity"]!["type"]!.GetValue<string>());
        Assert.Equal("us-east-1", record["awsRegion"]!.GetValue<string>());
        Assert.Contains("aws-cli/2", record["userAgent"]!.GetValue<string>());
        Assert.Equal(e.GetProperty("EventId").GetString(), record["eventID"]!.GetValue<string>());
    }

    [Fact]
    public async Task LookupEvents_pages_newest_first_and_filters_by_time_and_attributes()
    {
        var user = fixture.Unique("pager");
        var caller = DirectCalls.Alice with { UserName = user, Arn = $"arn:aws:iam::{RangeInfo.DefaultAccountId}:user/{user}" };
        var now = fixture.Range.State.Clock.Now;
        for (var i = 0; i < 7; i++)
            fixture.Range.State.Record(new Shodo.Range.State.CallRecord(Guid.NewGuid().ToString(), Guid.NewGuid().ToString(),
                now.AddMinutes(-70 + i * 10), "ec2", "ec2.amazonaws.com", $"Op{i}", "us-east-1", caller, "203.0.113.9",
                "kali", false, null, null, null, null));

        var all = await Cli.OkAsync("cloudtrail", "lookup-events", "--lookup-attributes",
            $"AttributeKey=Username,AttributeValue={user}", "--page-size", "3");
        Assert.Equal(["Op6", "Op5", "Op4", "Op3", "Op2", "Op1", "Op0"], all.GetProperty("Events").EnumerateArray().Select(x => x.GetProperty("EventName").GetString()));

        var window = await Cli.OkAsync("cloudtrail", "lookup-events", "--lookup-attributes",
            $"AttributeKey=Username,AttributeValue={user}",
            "--start-time", now.AddMinutes(-55).ToString("O"), "--end-time", now.AddMinutes(-25).ToString("O"));
        Assert.Equal(["Op4", "Op3", "Op2"], window.GetProperty("Events").EnumerateArray().Select(x => x.GetProperty("EventName").GetString()));

        await Cli.FailsWithAsync("InvalidMaxResultsException", "cloudtrail", "lookup-events", "--max-results", "51");
        await Cli.FailsWithAsync("InvalidTimeRangeException", "cloudtrail", "lookup-events",
            "--start-time", now.ToString("O"), "--end-time", now.AddHours(-1).ToString("O"));
        await Cli.FailsWithAsync("InvalidLookupAttributesException", "cloudtrail", "lookup-events", "--lookup-attributes",
            "AttributeKey=EventName,AttributeValue=A", "AttributeKey=Username,AttributeValue=B");
    }

    [Fact]
    public async Task Trails_are_created_started_described_and_stopped()
    {
        var bucket = fixture.Unique("trail-bucket");
        var trail = fixture.Unique("trail");
        await Cli.OkAsync("s3api", "create-bucket", "--bucket", bucket);
        await Cli.FailsWithAsync("S3BucketDoesNotExistException", "cloudtrail", "create-trail", "--name", trail, "--s3-bucket-name", "no-such-bucket-x");
        var created = await Cli.OkAsync("cloudtrail", "create-trail", "--name", trail, "--s3-bucket-name", bucket, "--is-multi-region-trail");
        Assert.True(created.GetProperty("IsMultiRegionTrail").GetBoolean());
        var arn = created.GetProperty("TrailARN").GetString();

        var described = await Cli.InRegion("ap-northeast-1").OkAsync("cloudtrail", "describe-trails");
        var t = described.GetProperty("trailList").EnumerateArray().Single(x => x.GetProperty("Name").GetString() == trail);
        Assert.Equal("us-east-1", t.GetProperty("HomeRegion").GetString());
        Assert.Equal(bucket, t.GetProperty("S3BucketName").GetString());

        Assert.False((await Cli.OkAsync("cloudtrail", "get-trail-status", "--name", trail)).GetProperty("IsLogging").GetBoolean());
        await Cli.OkAsync("cloudtrail", "start-logging", "--name", trail);
        var status = await Cli.OkAsync("cloudtrail", "get-trail-status", "--name", arn!);
        Assert.True(status.GetProperty("IsLogging").GetBoolean());
        Assert.True(status.TryGetProperty("StartLoggingTime", out _));
        await Cli.OkAsync("cloudtrail", "stop-logging", "--name", trail);
        var stopped = await Cli.OkAsync("cloudtrail", "get-trail-status", "--name", trail);
        Assert.False(stopped.GetProperty("IsLogging").GetBoolean());
        Assert.True(stopped.TryGetProperty("StopLoggingTime", out _));
        await Cli.FailsWithAsync("TrailNotFoundException", "cloudtrail", "get-trail-status", "--name", "no-such-trail");
    }

    private List<JsonNode> DeliveredRecords(string bucket) =>
        fixture.Range.State.Buckets[bucket].Objects.Values.SelectMany(o =>
        {
            using var gzip = new GZipStream(new MemoryStream(o.Body), CompressionMode.Decompress);
            return JsonNode.Parse(gzip)!["Records"]!.AsArray().Select(r => r!).ToList();
        }).ToList();

    [Fact]
    public async Task A_trail_delivers_gzip_JSON_log_files_with_the_data_events_of_its_selected_bucket()
    {
        var logs = fixture.Unique("logs");
        var pii = fixture.Unique("pii");
        var trail = fixture.Unique("trail");
        await Cli.OkAsync("s3api", "create-bucket", "--bucket", logs);
        await Cli.OkAsync("s3api", "create-bucket", "--bucket", pii);
        await Cli.OkAsync("cloudtrail", "create-trail", "--name", trail, "--s3-bucket-name", logs, "--is-multi-region-trail");
        await Cli.OkAsync("cloudtrail", "start-logging", "--name", trail);
        await Cli.OkAsync("cloudtrail", "put-event-selectors", "--trail-name", trail, "--event-selectors",
            $$"""[{"ReadWriteType":"All","IncludeManagementEvents":true,"DataResources":[{"Type":"AWS::S3::Object","Values":["arn:aws:s3:::{{pii}}/"]}]}]""");
        var selectors = await Cli.OkAsync("cloudtrail", "get-event-selectors", "--trail-name", trail);
        Assert.Equal($"arn:aws:s3:::{pii}/", selectors.GetProperty("EventSelectors")[0].GetProperty("DataResources")[0].GetProperty("Values")[0].GetString());

        fixture.Range.State.PutObject(pii, "customers.csv", "id,email\n"u8.ToArray());
        await Cli.OkAsync("s3api", "get-object", "--bucket", pii, "--key", "customers.csv", Path.Combine(_dir, "c.csv"));

        var listing = await Cli.OkAsync("s3api", "list-objects-v2", "--bucket", logs, "--prefix", "AWSLogs/");
        var keys = listing.GetProperty("Contents").EnumerateArray().Select(c => c.GetProperty("Key").GetString()!).ToList();
        Assert.NotEmpty(keys);
        var layout = new Regex($@"^AWSLogs/{RangeInfo.DefaultAccountId}/CloudTrail/([a-z0-9-]+)/\d{{4}}/\d\d/\d\d/{RangeInfo.DefaultAccountId}_CloudTrail_\1_\d{{8}}T\d{{4}}Z_[A-Za-z0-9]{{16}}\.json\.gz$");
        Assert.All(keys, k => Assert.Matches(layout, k));

        var records = new List<JsonNode>();
        foreach (var key in keys)
        {
            var file = Path.Combine(_dir, Path.GetFileName(key));
            await Cli.OkAsync("s3", "cp", $"s3://{logs}/{key}", file);
            await using var gzip = new GZipStream(File.OpenRead(file), CompressionMode.Decompress);
            records.AddRange(JsonNode.Parse(gzip)!["Records"]!.AsArray()!.Select(r => r!));
        }
        var getObject = Assert.Single(records, r => r["eventName"]!.GetValue<string>() == "GetObject");
        Assert.Equal("Data", getObject["eventCategory"]!.GetValue<string>());
        Assert.Equal(pii, getObject["requestParameters"]!["bucketName"]!.GetValue<string>());
        Assert.Contains(records, r => r["eventName"]!.GetValue<string>() == "PutEventSelectors");

        // A stopped trail still delivers its StopLogging event, and nothing after it.
        await Cli.OkAsync("cloudtrail", "stop-logging", "--name", trail);
        await Cli.OkAsync("s3api", "head-object", "--bucket", pii, "--key", "customers.csv");
        fixture.Range.State.DeliverTrailLogs();
        var delivered = DeliveredRecords(logs);
        Assert.Contains(delivered, r => r["eventName"]!.GetValue<string>() == "StopLogging");
        Assert.DoesNotContain(delivered, r => r["eventName"]!.GetValue<string>() == "HeadObject");

        // Data events are never in event history.
        var history = await Cli.OkAsync("cloudtrail", "lookup-events", "--lookup-attributes",
            "AttributeKey=EventName,AttributeValue=GetObject");
        Assert.Equal(0, history.GetProperty("Events").GetArrayLength());
    }
}
