using System.IO.Compression;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Shodo.Range.State.CloudTrail;

namespace Shodo.Range.Tests.CloudTrail;

/// <summary>Trails served directly: create, describe, status, selectors, start/stop, and log-file delivery.</summary>
public sealed class TrailTests
{
    private const string KeyLayout =
        @"^AWSLogs/111122223333/CloudTrail/(?<region>[a-z0-9-]+)/(?<y>\d{4})/(?<m>\d\d)/(?<d>\d\d)/111122223333_CloudTrail_\k<region>_(?<stamp>\d{8}T\d{4}Z)_[A-Za-z0-9]{16}\.json\.gz$";

    private readonly DirectCalls _range = new();

    public TrailTests() => _range.State.CreateBucket("trail-logs");

    private JsonObject Ok(string op, JsonObject input, string region = "us-east-1")
    {
        var result = _range.CloudTrail(op, input, region);
        Assert.True(result.Error is null, result.Error?.Code + ": " + result.Error?.Message);
        return result.Json;
    }

    private void CreateLoggingTrail(string name = "main", bool multiRegion = true)
    {
        Ok("CreateTrail", new JsonObject { ["Name"] = name, ["S3BucketName"] = "trail-logs", ["IsMultiRegionTrail"] = multiRegion });
        Ok("StartLogging", new JsonObject { ["Name"] = name });
    }

    private List<(string Key, JsonArray Records)> LogFiles()
    {
        var bucket = _range.State.Buckets["trail-logs"];
        return bucket.Objects.Values.Where(o => o.Key.StartsWith("AWSLogs/", StringComparison.Ordinal)).Select(o =>
        {
            using var gzip = new GZipStream(new MemoryStream(o.Body), CompressionMode.Decompress);
            return (o.Key, JsonNode.Parse(gzip)!["Records"]!.AsArray());
        }).ToList();
    }

    private List<string> DeliveredNames() =>
        LogFiles().SelectMany(f => f.Records).Select(r => r!["eventName"]!.GetValue<string>()).ToList();

    [Fact]
    public void CreateTrail_needs_an_existing_bucket_and_a_unique_name()
    {
        Assert.Equal("S3BucketDoesNotExistException",
            _range.CloudTrail("CreateTrail", new JsonObject { ["Name"] = "trail1", ["S3BucketName"] = "missing" }).Error?.Code);
        var created = Ok("CreateTrail", new JsonObject { ["Name"] = "main", ["S3BucketName"] = "trail-logs" });
        Assert.Equal("arn:aws:cloudtrail:us-east-1:111122223333:trail/main", created["TrailARN"]!.GetValue<string>());
        Assert.Equal("TrailAlreadyExistsException",
            _range.CloudTrail("CreateTrail", new JsonObject { ["Name"] = "main", ["S3BucketName"] = "trail-logs" }).Error?.Code);
    }

    [Fact]
    public void DescribeTrails_shows_multi_region_trails_in_every_region_and_single_region_ones_at_home()
    {
        Ok("CreateTrail", new JsonObject { ["Name"] = "org", ["S3BucketName"] = "trail-logs", ["IsMultiRegionTrail"] = true });
        Ok("CreateTrail", new JsonObject { ["Name"] = "local", ["S3BucketName"] = "trail-logs" });
        var home = Ok("DescribeTrails", []);
        Assert.Equal(["local", "org"], home["trailList"]!.AsArray().Select(t => t!["Name"]!.GetValue<string>()));
        var away = Ok("DescribeTrails", [], "ap-northeast-1");
        var org = Assert.Single(away["trailList"]!.AsArray())!;
        Assert.Equal("us-east-1", org["HomeRegion"]!.GetValue<string>());
        Assert.Empty(Ok("DescribeTrails", new JsonObject { ["includeShadowTrails"] = false }, "ap-northeast-1")["trailList"]!.AsArray());
    }

    [Fact]
    public void A_new_trail_is_not_logging_until_StartLogging_and_StopLogging_stops_it()
    {
        Ok("CreateTrail", new JsonObject { ["Name"] = "main", ["S3BucketName"] = "trail-logs" });
        Assert.False(Ok("GetTrailStatus", new JsonObject { ["Name"] = "main" })["IsLogging"]!.GetValue<bool>());
        Ok("StartLogging", new JsonObject { ["Name"] = "main" });
        var started = Ok("GetTrailStatus", new JsonObject { ["Name"] = "main" });
        Assert.True(started["IsLogging"]!.GetValue<bool>());
        Assert.Equal(_range.State.Clock.Now.ToUnixTimeSeconds(), started["StartLoggingTime"]!.GetValue<double>());
        Ok("StopLogging", new JsonObject { ["Name"] = "arn:aws:cloudtrail:us-east-1:111122223333:trail/main" });
        Assert.False(Ok("GetTrailStatus", new JsonObject { ["Name"] = "main" })["IsLogging"]!.GetValue<bool>());
        Assert.Equal("TrailNotFoundException", _range.CloudTrail("GetTrailStatus", new JsonObject { ["Name"] = "nope" }).Error?.Code);
        Assert.Equal("InvalidHomeRegionException",
            _range.CloudTrail("StopLogging", new JsonObject { ["Name"] = "arn:aws:cloudtrail:us-east-1:111122223333:trail/main" }, "eu-west-1").Error?.Code);
    }

    [Fact]
    public void Event_selectors_round_trip_with_S3_data_resources()
    {
        CreateLoggingTrail();
        Assert.Equal("All", Ok("GetEventSelectors", new JsonObject { ["TrailName"] = "main" })["EventSelectors"]![0]!["ReadWriteType"]!.GetValue<string>());
        Ok("PutEventSelectors", Selectors("arn:aws:s3:::customer-data/"));
        var selectors = Ok("GetEventSelectors", new JsonObject { ["TrailName"] = "main" })["EventSelectors"]!;
        var resource = selectors[0]!["DataResources"]![0]!;
        Assert.Equal("AWS::S3::Object", resource["Type"]!.GetValue<string>());
        Assert.Equal("arn:aws:s3:::customer-data/", resource["Values"]![0]!.GetValue<string>());
        Assert.Equal("InvalidEventSelectorsException", _range.CloudTrail("PutEventSelectors", new JsonObject
        {
            ["TrailName"] = "main",
            ["EventSelectors"] = new JsonArray(new JsonObject { ["ReadWriteType"] = "Sometimes" }),
        }).Error?.Code);
    }

    private static JsonObject Selectors(string value) => new()
    {
        ["TrailName"] = "main",
        ["EventSelectors"] = new JsonArray(new JsonObject
        {
            ["ReadWriteType"] = "All",
            ["IncludeManagementEvents"] = true,
            ["DataResources"] = new JsonArray(new JsonObject
            {
                ["Type"] = "AWS::S3::Object", ["Values"] = new JsonArray(value),
            }),
        }),
    };

    [Fact]
    public void Delivered_files_are_gzip_JSON_in_AWS_key_layout_with_data_events_of_selected_buckets_only()
    {
        CreateLoggingTrail();
        Ok("PutEventSelectors", Selectors("arn:aws:s3:::customer-data/"));
        _range.State.CreateBucket("customer-data");
        _range.State.CreateBucket("other");
        _range.State.PutObject("customer-data", "people.csv", "name\n"u8.ToArray());
        _range.State.PutObject("other", "x", "y"u8.ToArray());
        Assert.Null(_range.S3("GET", "/customer-data", new() { ["list-type"] = "2" }).Error);
        Assert.Null(_range.S3("GET", "/customer-data/people.csv").Error);
        Assert.Null(_range.S3("GET", "/other/x").Error);
        Assert.Null(_range.Query("rds", "DescribeDBInstances", region: "eu-west-1").Error);

        var keys = _range.State.DeliverTrailLogs();

        Assert.NotEmpty(keys);
        var files = LogFiles();
        foreach (var (key, records) in files)
        {
            var m = Regex.Match(key, KeyLayout);
            Assert.True(m.Success, key);
            Assert.All(records, r => Assert.Equal(m.Groups["region"].Value, r!["awsRegion"]!.GetValue<string>()));
            Assert.Equal($"{m.Groups["y"]}{m.Groups["m"]}{m.Groups["d"]}", m.Groups["stamp"].Value[..8]);
        }
        var names = DeliveredNames();
        Assert.Contains("ListObjects", names);
        Assert.Contains("GetObject", names);
        Assert.Contains("DescribeDBInstances", names);
        var getObjects = files.SelectMany(f => f.Records).Where(r => r!["eventName"]!.GetValue<string>() == "GetObject").ToList();
        var only = Assert.Single(getObjects)!;
        Assert.Equal("customer-data", only["requestParameters"]!["bucketName"]!.GetValue<string>());
        Assert.Equal("Data", only["eventCategory"]!.GetValue<string>());
    }

    [Fact]
    public void Reading_the_trail_bucket_delivers_first_so_files_are_there_right_after_the_calls()
    {
        CreateLoggingTrail();
        Assert.Null(_range.Query("rds", "DescribeDBInstances").Error);
        var listing = _range.S3("GET", "/trail-logs", new() { ["list-type"] = "2", ["prefix"] = "AWSLogs/" });
        var body = System.Text.Encoding.UTF8.GetString(listing.Raw.Body);
        Assert.Contains("<Key>AWSLogs/111122223333/CloudTrail/us-east-1/", body);
        Assert.Contains("DescribeDBInstances", DeliveredNames());
        Assert.Equal(0, LogFiles().SelectMany(f => f.Records).Count(r => r!["eventCategory"]!.GetValue<string>() == "Data"));
    }

    [Fact]
    public void A_stopped_trail_delivers_its_StopLogging_event_but_nothing_after_until_started_again()
    {
        CreateLoggingTrail();
        _range.Time.Advance(TimeSpan.FromSeconds(5));
        Assert.Null(_range.CloudTrail("StopLogging", new JsonObject { ["Name"] = "main" }).Error);
        _range.Time.Advance(TimeSpan.FromSeconds(5));
        Assert.Null(_range.Query("rds", "DescribeDBSnapshots").Error);
        _range.State.DeliverTrailLogs();
        var names = DeliveredNames();
        Assert.Contains("StopLogging", names);
        Assert.DoesNotContain("DescribeDBSnapshots", names);

        _range.Time.Advance(TimeSpan.FromSeconds(5));
        Assert.Null(_range.CloudTrail("StartLogging", new JsonObject { ["Name"] = "main" }).Error);
        Assert.Null(_range.Query("rds", "DescribeDBInstances").Error);
        _range.State.DeliverTrailLogs();
        Assert.Contains("DescribeDBInstances", DeliveredNames());
        Assert.DoesNotContain("DescribeDBSnapshots", DeliveredNames());
        // Event history does not depend on the trail.
        _range.Time.Advance(TimeSpan.FromSeconds(2));
        var history = _range.CloudTrail("LookupEvents", new JsonObject
        {
            ["LookupAttributes"] = new JsonArray(new JsonObject { ["AttributeKey"] = "EventName", ["AttributeValue"] = "DescribeDBSnapshots" }),
        }).Json;
        Assert.Single(history["Events"]!.AsArray());
    }

    [Fact]
    public void A_single_region_trail_delivers_only_its_region_and_global_events_only_from_us_east_1()
    {
        _range.State.CreateTrail("tokyo", "trail-logs", "ap-northeast-1", isMultiRegion: false,
            startLoggingAt: _range.State.Clock.Now.AddHours(-1));
        _range.Seed("ec2", "RunInstances", "ap-northeast-1", _range.State.Clock.Now.AddMinutes(-30));
        _range.Seed("ec2", "RunInstances", "eu-west-1", _range.State.Clock.Now.AddMinutes(-30));
        _range.Seed("iam", "CreateUser", "us-east-1", _range.State.Clock.Now.AddMinutes(-30));
        _range.State.DeliverTrailLogs();
        var records = LogFiles().SelectMany(f => f.Records).ToList();
        Assert.Equal(["ap-northeast-1"], records.Select(r => r!["awsRegion"]!.GetValue<string>()).Distinct());
    }

    [Fact]
    public void Backdated_history_lands_in_files_named_for_its_own_five_minute_window()
    {
        var start = _range.State.Clock.Now.AddHours(-6);
        _range.State.CreateTrail("main", "trail-logs", startLoggingAt: start);
        _range.Seed("ec2", "RunInstances", "eu-west-1", new DateTimeOffset(2026, 11, 28, 6, 2, 0, TimeSpan.Zero));
        _range.Seed("ec2", "RunInstances", "eu-west-1", new DateTimeOffset(2026, 11, 28, 6, 3, 30, TimeSpan.Zero));
        _range.Seed("ec2", "RunInstances", "eu-west-1", new DateTimeOffset(2026, 11, 28, 6, 7, 0, TimeSpan.Zero));
        _range.State.DeliverTrailLogs();
        var files = LogFiles().OrderBy(f => f.Key).ToList();
        Assert.Equal(2, files.Count);
        Assert.Contains("_CloudTrail_eu-west-1_20261128T0605Z_", files[0].Key);
        Assert.Equal(2, files[0].Records.Count);
        Assert.Contains("/2026/11/28/", files[1].Key);
        Assert.Equal("application/json", _range.State.Buckets["trail-logs"].Objects[files[0].Key].ContentType);
        Assert.Empty(_range.State.DeliverTrailLogs()); // nothing is delivered twice
    }
}

public sealed class DataResourceTests
{
    [Theory]
    [InlineData("arn:aws:s3:::pii/", "pii", "a/b.csv", true)]
    [InlineData("arn:aws:s3:::pii/", "pii", null, true)]
    [InlineData("arn:aws:s3:::pii/reports/", "pii", "reports/q1.csv", true)]
    [InlineData("arn:aws:s3:::pii/reports/", "pii", "other/q1.csv", false)]
    [InlineData("arn:aws:s3:::pii/", "pii2", "a.csv", false)]
    [InlineData("arn:aws:s3", "anything", "a.csv", true)]
    public void S3_data_resources_select_by_bucket_and_key_prefix(string value, string bucket, string? key, bool selected) =>
        Assert.Equal(selected, new DataResource(DataResource.S3Object, [value]).SelectsS3(bucket, key));
}
