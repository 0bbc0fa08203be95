using System.Globalization;
using System.IO.Compression;
using System.Text.Json;
using Shodo.Range.Scenarios;

namespace Shodo.Range.Tests.Scenarios;

/// <summary>
/// The attacker's story, as the ground truth lists it, is in the range's CloudTrail: in event history
/// read with the real AWS CLI (<c>aws cloudtrail lookup-events</c>, management events only) and in the
/// log files the trail delivered to its bucket (<c>aws s3 cp --recursive</c>, S3 data events included).
/// </summary>
public sealed class LeakedKeyCloudTrailTests(LeakedKeyScenarioFixture fixture) : IClassFixture<LeakedKeyScenarioFixture>
{
    private GroundTruth Truth => fixture.Truth;

    [Fact]
    public async Task Lookup_events_with_the_cli_holds_the_attackers_management_events_with_identity_address_and_agent()
    {
        string[] regions = ["us-east-1", "ap-northeast-1", "ap-east-1"];
        var start = Truth.AttackStartedAt.AddSeconds(-1).UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
        var pages = await Task.WhenAll(regions.Select(region =>
            fixture.PatientCli.InRegion(region).OkAsync("cloudtrail", "lookup-events", "--start-time", start)));
        var found = pages.SelectMany(p => p.GetProperty("Events").EnumerateArray())
            .ToDictionary(e => e.GetProperty("EventId").GetString()!,
                e => JsonDocument.Parse(e.GetProperty("CloudTrailEvent").GetString()!).RootElement);

        AssertHolds(Truth.Events.Where(e => e.EventCategory == "Management" && regions.Contains(e.Region)), found);
        Assert.DoesNotContain(found.Values, r => r.GetProperty("eventName").GetString() == "GetObject");
        var attackerNames = found.Values.Where(r => Truth.SourceIps.Contains(r.GetProperty("sourceIPAddress").GetString()))
            .Select(r => r.GetProperty("eventName").GetString()).ToHashSet();
        string[] story =
        [
            "GetCallerIdentity", "ListBuckets", "CreateUser", "CreateAccessKey", "AttachUserPolicy", "CreateLoginProfile",
            "GetSessionToken", "StopLogging", "ImportKeyPair", "RunInstances", "RequestSpotInstances",
            "ModifyDBSnapshotAttribute",
        ];
        Assert.All(story, name => Assert.Contains(name, attackerNames));
    }

    [Fact]
    public async Task Event_history_in_every_region_holds_every_attacker_management_event()
    {
        var expected = Truth.Events.Where(e => e.EventCategory == "Management").ToList();
        var found = new Dictionary<string, JsonElement>();
        foreach (var region in expected.Select(e => e.Region).Distinct())
            foreach (var record in await InProcessLookup.EventsAsync(fixture.Range, region, Truth.AttackStartedAt.AddSeconds(-1)))
                found[record.GetProperty("eventID").GetString()!] = record;
        AssertHolds(expected, found);
        Assert.True(expected.Select(e => e.Region).Distinct().Count() >= 19);
    }

    private static void AssertHolds(IEnumerable<GroundTruthEvent> expected, Dictionary<string, JsonElement> found) =>
        Assert.All(expected, e =>
        {
            Assert.True(found.TryGetValue(e.EventId, out var record), $"{e.EventName} in {e.Region} at {e.Time} is missing");
            Assert.Equal(e.EventName, record.GetProperty("eventName").GetString());
            Assert.Equal(e.SourceIp, record.GetProperty("sourceIPAddress").GetString());
            Assert.Equal(e.UserAgent, record.GetProperty("userAgent").GetString());
            Assert.Equal(e.AccessKeyId, record.GetProperty("userIdentity").GetProperty("accessKeyId").GetString());
            Assert.Equal(e.ErrorCode, record.TryGetProperty("errorCode", out var code) ? code.GetString() : null);
        });

    [Fact]
    public async Task Delivered_log_files_hold_every_attacker_event_including_the_object_reads()
    {
        var dir = Directory.CreateTempSubdirectory("shodo-scenario-logs-");
        try
        {
            await fixture.Cli.OkAsync("s3", "cp", "s3://acme-cloudtrail-logs/", dir.FullName, "--recursive", "--only-show-errors");
            var records = new Dictionary<string, JsonElement>();
            var files = Directory.GetFiles(dir.FullName, "*.json.gz", SearchOption.AllDirectories);
            Assert.NotEmpty(files);
            foreach (var file in files)
            {
                Assert.Matches(@"AWSLogs/111122223333/CloudTrail/[a-z0-9-]+/\d{4}/\d{2}/\d{2}/111122223333_CloudTrail_",
                    file.Replace('\\', '/'));
                using var gzip = new GZipStream(File.OpenRead(file), CompressionMode.Decompress);
                using var json = JsonDocument.Parse(gzip);
                foreach (var r in json.RootElement.GetProperty("Records").EnumerateArray())
                    records[r.GetProperty("eventID").GetString()!] = r.Clone();
            }

            Assert.All(Truth.Events, e =>
            {
                Assert.True(records.TryGetValue(e.EventId, out var r), $"{e.EventName} in {e.Region} at {e.Time} is missing");
                Assert.Equal(e.SourceIp, r.GetProperty("sourceIPAddress").GetString());
                Assert.Equal(e.UserAgent, r.GetProperty("userAgent").GetString());
                Assert.Equal(e.EventCategory, r.GetProperty("eventCategory").GetString());
            });
            var reads = records.Values
                .Where(r => r.GetProperty("eventName").GetString() == "GetObject"
                            && Truth.SourceIps.Contains(r.GetProperty("sourceIPAddress").GetString()))
                .Select(r => (r.GetProperty("requestParameters").GetProperty("bucketName").GetString(),
                    r.GetProperty("requestParameters").GetProperty("key").GetString()))
                .Order().ToList();
            Assert.Equal(Truth.ObjectsRead.Select(o => ((string?)o.Bucket, (string?)o.Key)).Order(), reads);
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }

    [Fact]
    public async Task The_ground_truth_is_served_on_the_admin_route()
    {
        using var http = new HttpClient { BaseAddress = fixture.Range.Url };
        using var json = JsonDocument.Parse(await http.GetStringAsync("_range/ground-truth"));
        var root = json.RootElement;
        Assert.Equal(Truth.LeakedAccessKeyId, root.GetProperty("leakedAccessKeyId").GetString());
        Assert.Equal(Truth.Instances.Count, root.GetProperty("instances").GetArrayLength());
        Assert.Equal(Truth.Events.Count, root.GetProperty("events").GetArrayLength());
        Assert.DoesNotContain(fixture.Range.Scenario!.Leaked!.SecretAccessKey, json.RootElement.GetRawText());
    }

    [Fact]
    public async Task The_leaked_key_works_from_the_cli_and_is_the_developers()
    {
        var identity = await fixture.Cli.As(fixture.Range.Scenario!.Leaked!).OkAsync("sts", "get-caller-identity");
        Assert.EndsWith(":user/dev-tanaka", identity.GetProperty("Arn").GetString());
    }
}
