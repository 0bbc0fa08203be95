using System.Text.Json.Nodes;

namespace Shodo.Range.Tests.CloudTrail;

/// <summary>LookupEvents served directly on a fake clock: paging, order, filters, window, limits.</summary>
public sealed class LookupEventsTests
{
    private readonly DirectCalls _range = new();
    private DateTimeOffset Now => _range.State.Clock.Now;

    private JsonObject Lookup(JsonObject? input = null, string region = "us-east-1")
    {
        _range.Time.Advance(TimeSpan.FromSeconds(1)); // stay under 2 calls per second
        var result = _range.CloudTrail("LookupEvents", input, region);
        Assert.Null(result.Error);
        return result.Json;
    }

    private static List<string> Names(JsonObject output) =>
        output["Events"]!.AsArray().Select(e => e!["EventName"]!.GetValue<string>()).ToList();

    private static JsonObject Attribute(string key, string value) => new()
    {
        ["LookupAttributes"] = new JsonArray(new JsonObject { ["AttributeKey"] = key, ["AttributeValue"] = value }),
    };

    [Fact]
    public void Pages_of_at_most_50_newest_first_cover_every_event_once()
    {
        for (var i = 0; i < 120; i++) _range.Seed("ec2", $"Op{i:000}", "us-east-1", Now.AddMinutes(-200 + i));
        var seen = new List<string>();
        string? token = null;
        var pages = 0;
        do
        {
            var output = Lookup(token is null ? null : new JsonObject { ["NextToken"] = token });
            seen.AddRange(Names(output));
            token = output["NextToken"]?.GetValue<string>();
            pages++;
        } while (token is not null);
        Assert.Equal(3, pages);
        Assert.Equal(Enumerable.Range(0, 120).Reverse().Select(i => $"Op{i:000}"), seen);
    }

    [Fact]
    public void Events_recorded_after_a_lookup_and_a_history_loaded_again_are_what_the_next_lookup_reads()
    {
        _range.Seed("ec2", "First", "us-east-1", Now.AddMinutes(-10));
        Assert.Equal(["First"], Names(Lookup()).Where(n => n != "LookupEvents"));
        _range.Seed("ec2", "Second", "us-east-1", Now.AddMinutes(-5));
        _range.Seed("ec2", "Elsewhere", "eu-west-1", Now.AddMinutes(-5));
        Assert.Equal(["Second", "First"], Names(Lookup()).Where(n => n != "LookupEvents"));
        Assert.Equal(["Elsewhere"], Names(Lookup(region: "eu-west-1")).Where(n => n != "LookupEvents"));

        // A saved state loaded: the history is replaced, not added to.
        lock (_range.State.Sync) _range.State.Calls.Clear();
        _range.Seed("ec2", "Reloaded", "us-east-1", Now.AddMinutes(-1));
        Assert.Equal(["Reloaded"], Names(Lookup()).Where(n => n != "LookupEvents"));
    }

    [Fact]
    public void MaxResults_limits_a_page_and_must_be_1_to_50()
    {
        for (var i = 0; i < 5; i++) _range.Seed("ec2", "RunInstances", "us-east-1", Now.AddMinutes(-i));
        Assert.Equal(2, Names(Lookup(new JsonObject { ["MaxResults"] = 2 })).Count);
        _range.Time.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal("InvalidMaxResultsException", _range.CloudTrail("LookupEvents", new JsonObject { ["MaxResults"] = 51 }).Error?.Code);
        _range.Time.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal("InvalidMaxResultsException", _range.CloudTrail("LookupEvents", new JsonObject { ["MaxResults"] = 0 }).Error?.Code);
    }

    [Fact]
    public void Only_management_events_of_the_region_within_90_days_are_returned()
    {
        _range.Seed("ec2", "RunInstances", "us-east-1", Now.AddDays(-1));
        _range.Seed("ec2", "TooOld", "us-east-1", Now.AddDays(-91));
        _range.Seed("ec2", "OtherRegion", "eu-west-1", Now.AddDays(-1));
        _range.Seed("s3", "GetObject", "us-east-1", Now.AddDays(-1), category: "Data",
            requestParameters: new JsonObject { ["bucketName"] = "b", ["key"] = "k" });
        Assert.Equal(["RunInstances"], Names(Lookup()));
        Assert.Equal(["OtherRegion"], Names(Lookup(region: "eu-west-1")));
    }

    [Fact]
    public void Every_lookup_attribute_selects_its_events()
    {
        var create = _range.Seed("iam", "CreateUser", "us-east-1", Now.AddHours(-3), DirectCalls.Attacker,
            requestParameters: new JsonObject { ["userName"] = "backdoor2" });
        _range.Seed("iam", "ListUsers", "us-east-1", Now.AddHours(-2), readOnly: true);
        _range.Seed("rds", "ModifyDBSnapshotAttribute", "us-east-1", Now.AddHours(-1), DirectCalls.Attacker,
            requestParameters: new JsonObject { ["dBSnapshotIdentifier"] = "prod-snap", ["attributeName"] = "restore" });
        _range.Seed("ec2", "DescribeInstances", "us-east-1", Now.AddMinutes(-5), DirectCalls.RoleSession, readOnly: true);

        Assert.Equal(["CreateUser"], Names(Lookup(Attribute("EventId", create.EventId))));
        Assert.Equal(["ListUsers"], Names(Lookup(Attribute("EventName", "ListUsers"))));
        // The earlier LookupEvents calls are read-only events too, as on AWS.
        var readOnly = Names(Lookup(Attribute("ReadOnly", "true")));
        Assert.Equal(["DescribeInstances", "ListUsers"], readOnly.Where(n => n != "LookupEvents"));
        Assert.Contains("LookupEvents", readOnly);
        Assert.Equal(["ModifyDBSnapshotAttribute", "CreateUser"], Names(Lookup(Attribute("Username", "backdoor"))));
        Assert.Equal(["DescribeInstances"], Names(Lookup(Attribute("Username", "session-1"))));
        Assert.Equal(["CreateUser"], Names(Lookup(Attribute("ResourceType", "AWS::IAM::User"))));
        Assert.Equal(["ModifyDBSnapshotAttribute"], Names(Lookup(Attribute("ResourceName", "prod-snap"))));
        Assert.Equal(["ModifyDBSnapshotAttribute"], Names(Lookup(Attribute("EventSource", "rds.amazonaws.com"))));
        Assert.Equal(["ModifyDBSnapshotAttribute", "CreateUser"], Names(Lookup(Attribute("AccessKeyId", "AKIABACKDOORBACKDOOR"))));
    }

    [Fact]
    public void An_event_carries_AWS_fields_and_its_record_as_a_JSON_string()
    {
        var seeded = _range.Seed("rds", "ModifyDBSnapshotAttribute", "us-east-1", Now.AddHours(-1), DirectCalls.Attacker,
            requestParameters: new JsonObject { ["dBSnapshotIdentifier"] = "prod-snap" });
        var e = Lookup()["Events"]![0]!.AsObject();
        Assert.Equal(seeded.EventId, e["EventId"]!.GetValue<string>());
        Assert.Equal("false", e["ReadOnly"]!.GetValue<string>());
        Assert.Equal("AKIABACKDOORBACKDOOR", e["AccessKeyId"]!.GetValue<string>());
        Assert.Equal(seeded.Time.ToUnixTimeSeconds(), e["EventTime"]!.GetValue<double>());
        Assert.Equal("rds.amazonaws.com", e["EventSource"]!.GetValue<string>());
        Assert.Equal("backdoor", e["Username"]!.GetValue<string>());
        Assert.Equal("AWS::RDS::DBSnapshot", e["Resources"]![0]!["ResourceType"]!.GetValue<string>());
        var record = JsonNode.Parse(e["CloudTrailEvent"]!.GetValue<string>())!;
        Assert.Equal(seeded.EventId, record["eventID"]!.GetValue<string>());
        Assert.Equal("arn:aws:iam::111122223333:user/backdoor", record["userIdentity"]!["arn"]!.GetValue<string>());
    }

    [Fact]
    public void StartTime_and_EndTime_bound_the_events_and_must_be_in_order()
    {
        for (var h = 1; h <= 5; h++) _range.Seed("ec2", $"H{h}", "us-east-1", Now.AddHours(-h));
        var range = new JsonObject
        {
            ["StartTime"] = Now.AddHours(-4).AddMinutes(-1).ToUnixTimeSeconds(),
            ["EndTime"] = Now.AddHours(-2).AddMinutes(1).ToUnixTimeSeconds(),
        };
        Assert.Equal(["H2", "H3", "H4"], Names(Lookup(range)));
        _range.Time.Advance(TimeSpan.FromSeconds(1));
        var reversed = new JsonObject { ["StartTime"] = Now.ToUnixTimeSeconds(), ["EndTime"] = Now.AddHours(-1).ToUnixTimeSeconds() };
        Assert.Equal("InvalidTimeRangeException", _range.CloudTrail("LookupEvents", reversed).Error?.Code);
    }

    [Fact]
    public void Two_attributes_a_bad_key_and_a_foreign_NextToken_are_refused()
    {
        var two = new JsonObject
        {
            ["LookupAttributes"] = new JsonArray(
                new JsonObject { ["AttributeKey"] = "EventName", ["AttributeValue"] = "A" },
                new JsonObject { ["AttributeKey"] = "Username", ["AttributeValue"] = "B" }),
        };
        Assert.Equal("InvalidLookupAttributesException", _range.CloudTrail("LookupEvents", two).Error?.Code);
        _range.Time.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal("InvalidLookupAttributesException", _range.CloudTrail("LookupEvents", Attribute("Color", "red")).Error?.Code);
        _range.Time.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal("InvalidNextTokenException",
            _range.CloudTrail("LookupEvents", new JsonObject { ["NextToken"] = "not-a-token" }).Error?.Code);
    }

    [Fact]
    public void A_third_call_within_one_second_in_one_region_is_throttled()
    {
        Assert.Null(_range.CloudTrail("LookupEvents").Error);
        Assert.Null(_range.CloudTrail("LookupEvents").Error);
        var third = _range.CloudTrail("LookupEvents");
        Assert.Equal("ThrottlingException", third.Error?.Code);
        Assert.Null(_range.CloudTrail("LookupEvents", region: "eu-west-1").Error);
        _range.Time.Advance(TimeSpan.FromMilliseconds(1000));
        Assert.Null(_range.CloudTrail("LookupEvents").Error);
    }
}
