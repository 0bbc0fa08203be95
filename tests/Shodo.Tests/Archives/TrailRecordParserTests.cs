using System.Text.Json;
using Shodo.Trail;
using Shodo.Trail.Records;

namespace Shodo.Tests.Archives;

public sealed class TrailRecordParserTests
{
    private static JsonElement Parse(string json) => JsonDocument.Parse(json).RootElement;

    [Fact]
    public void Every_detonation_record_parses_with_its_fields_including_made_up_regions()
    {
        var total = 0;
        foreach (var file in TrailTestData.DetonationFiles)
        {
            using var document = JsonDocument.Parse(File.ReadAllBytes(file));
            var index = 0L;
            foreach (var element in document.RootElement.EnumerateArray())
            {
                var result = TrailRecordParser.Parse(element, file, index++);
                Assert.True(result.Problem is null, $"{file}: {result.Problem}");
                var record = result.Record!;
                Assert.Equal(element.GetProperty("eventName").GetString(), record.EventName);
                Assert.Equal(element.GetProperty("eventID").GetString(), record.EventId);
                Assert.Equal(element.GetProperty("awsRegion").GetString(), record.Region);
                Assert.Equal(TimeSpan.Zero, record.EventTime.Offset);
                Assert.Equal(element.GetRawText(), record.Raw.GetRawText());
                total++;
            }
        }
        Assert.True(total > 300, $"only {total} records");
    }

    [Fact]
    public void Raw_outlives_the_document_it_came_from()
    {
        Shodo.Trail.Records.TrailRecord record;
        using (var document = JsonDocument.Parse(File.ReadAllBytes(TrailTestData.DetonationFiles[0])))
            record = TrailRecordParser.Parse(document.RootElement[0], "f").Record!;
        Assert.False(string.IsNullOrEmpty(record.Raw.GetProperty("eventName").GetString()));
    }

    [Fact]
    public void Stop_logging_record_is_normalised()
    {
        var file = Path.Combine(TrailTestData.Detonations, "aws.defense-evasion.cloudtrail-stop.json");
        using var document = JsonDocument.Parse(File.ReadAllBytes(file));
        var record = TrailRecordParser.Parse(document.RootElement[0], file, 0).Record!;
        Assert.Equal("StopLogging", record.EventName);
        Assert.Equal("cloudtrail.amazonaws.com", record.EventSource);
        Assert.Equal("apiso-centralnorth-2r", record.Region);
        Assert.Equal("86.245.153.234", record.SourceIp);
        Assert.Equal("AKIAGGWFBBHBE7D3M9WI", record.AccessKeyId);
        Assert.Equal("christophe", record.UserName);
        Assert.Equal("IAMUser", record.IdentityType);
        Assert.Equal("143434273843", record.AccountId);
        Assert.False(record.ReadOnly);
        Assert.Equal(new DateTimeOffset(2024, 7, 31, 13, 6, 24, TimeSpan.Zero), record.EventTime);
        Assert.Equal(file, record.Source);
    }

    [Fact]
    public void Assumed_role_takes_the_user_name_of_the_session_issuer()
    {
        var record = TrailRecordParser.Parse(Parse("""
            {"eventTime":"2024-01-01T00:00:00Z","eventName":"RunInstances","eventSource":"ec2.amazonaws.com",
             "userIdentity":{"type":"AssumedRole","accessKeyId":"ASIAEXAMPLE","sessionContext":{"sessionIssuer":{"userName":"deployer"}}}}
            """), "f").Record!;
        Assert.Equal("deployer", record.UserName);
        Assert.Equal("ASIAEXAMPLE", record.AccessKeyId);
        Assert.StartsWith("sha256:", record.EventId);
    }

    [Theory]
    [InlineData("""{"eventName":"X","eventSource":"s"}""", "eventTime")]
    [InlineData("""{"eventTime":"yesterday","eventName":"X","eventSource":"s"}""", "eventTime")]
    [InlineData("""{"eventTime":"2024-01-01T00:00:00Z","eventSource":"s"}""", "eventName")]
    [InlineData("""{"eventTime":"2024-01-01T00:00:00Z","eventName":{"a":1},"eventSource":"s"}""", "eventName")]
    [InlineData("""{"eventTime":"2024-01-01T00:00:00Z","eventName":"X"}""", "eventSource")]
    public void Record_without_time_name_or_source_is_refused_naming_file_record_and_field(string json, string field)
    {
        var result = TrailRecordParser.Parse(Parse(json), "logs/a.json.gz", 7);
        Assert.Null(result.Record);
        Assert.Equal(TrailProblemKinds.BadRecord, result.Problem!.Kind);
        Assert.Equal(7, result.Problem.RecordIndex);
        Assert.Contains(field, result.Problem.Message);
        Assert.StartsWith("logs/a.json.gz record 7:", result.Problem.ToString());
    }

    [Theory]
    [InlineData("[1,2]", "array")]
    [InlineData("\"text\"", "string")]
    [InlineData("null", "null")]
    public void A_record_that_is_not_an_object_is_refused(string json, string kind)
    {
        var result = TrailRecordParser.Parse(Parse(json), "f", 0);
        Assert.Null(result.Record);
        Assert.Contains(kind, result.Problem!.Message);
    }

    [Fact]
    public void Wrong_types_and_enormous_fields_are_left_out_but_the_record_is_kept()
    {
        var huge = new string('A', 100_000);
        var result = TrailRecordParser.Parse(Parse($$"""
            {"eventTime":1700000000.5,"eventName":"GetObject","eventSource":"s3.amazonaws.com","eventID":42,
             "userAgent":"{{huge}}","sourceIPAddress":["1.2.3.4"],"readOnly":"true","awsRegion":"not-a-region-9",
             "userIdentity":"root"}
            """), "f", 3);
        var record = result.Record!;
        Assert.Null(result.Problem);
        Assert.Equal("42", record.EventId);
        Assert.Null(record.UserAgent);
        Assert.Null(record.SourceIp);
        Assert.True(record.ReadOnly);
        Assert.Equal("not-a-region-9", record.Region);
        Assert.Equal(DateTimeOffset.FromUnixTimeMilliseconds(1_700_000_000_500), record.EventTime);
        Assert.Contains(result.Notes, n => n.Message.Contains("userAgent") && n.Message.Contains("100000"));
        Assert.Contains(result.Notes, n => n.Message.Contains("sourceIPAddress") && n.Message.Contains("array"));
        Assert.All(result.Notes, n => Assert.Equal(3, n.RecordIndex));
        Assert.Equal(huge, record.Raw.GetProperty("userAgent").GetString());
    }

    [Fact]
    public void Lookup_event_text_parses_as_the_record_it_holds()
    {
        var file = Path.Combine(TrailTestData.Detonations, "aws.persistence.iam-backdoor-user.json");
        using var document = JsonDocument.Parse(File.ReadAllBytes(file));
        var text = document.RootElement[0].GetRawText();
        var record = TrailRecordParser.ParseLookupEvent(text, "lookup:us-east-1").Record!;
        Assert.Equal(document.RootElement[0].GetProperty("eventName").GetString(), record.EventName);
        Assert.Equal("lookup:us-east-1", record.Source);
    }

    [Theory]
    [InlineData(null, "no CloudTrailEvent")]
    [InlineData("{\"eventTime\":", "not valid JSON")]
    public void Broken_lookup_event_text_is_a_problem(string? text, string expected)
    {
        var result = TrailRecordParser.ParseLookupEvent(text, "lookup:eu-west-1", 5);
        Assert.Null(result.Record);
        Assert.Contains(expected, result.Problem!.Message);
        Assert.Equal("lookup:eu-west-1", result.Problem.File);
    }

    [Fact]
    public void Oversized_lookup_event_text_is_refused_without_parsing()
    {
        var text = "{\"x\":\"" + new string('x', 2000) + "\"}";
        var result = TrailRecordParser.ParseLookupEvent(text, "lookup", 0, maxBytes: 1000);
        Assert.Equal(TrailProblemKinds.RecordTooLarge, result.Problem!.Kind);
    }

    [Fact]
    public void Text_that_is_not_utf8_never_throws_a_field_is_left_out_and_a_record_without_an_id_still_gets_one()
    {
        var time = DateTimeOffset.Parse("2026-12-06T16:00:00Z");
        var bytes = HostileTrailFiles.Record("x", time, [.. "\"evil"u8, 0xFF, .. "agent\""u8]);
        var withoutId = System.Text.Encoding.Latin1.GetString(bytes).Replace("\"eventID\":\"x\",", "");
        using var document = JsonDocument.Parse(System.Text.Encoding.Latin1.GetBytes(withoutId));

        var result = TrailRecordParser.Parse(document.RootElement, "f", 2);

        var record = result.Record!;
        Assert.Null(record.UserAgent);
        Assert.StartsWith("sha256:", record.EventId);
        Assert.Contains(result.Notes, n => n.Kind == TrailProblemKinds.FieldIgnored && n.Message.Contains("userAgent"));
    }

    [Fact]
    public void An_unpaired_surrogate_in_a_needed_field_refuses_the_record_and_in_another_field_leaves_it_out()
    {
        var refused = TrailRecordParser.Parse(Parse("""{"eventTime":"2026-12-06T16:00:00Z","eventName":"x\ud800","eventSource":"s3.amazonaws.com"}"""), "f", 0);
        var kept = TrailRecordParser.Parse(Parse("""{"eventTime":"2026-12-06T16:00:00Z","eventName":"GetObject","eventSource":"s3.amazonaws.com","userAgent":"\udc00"}"""), "f", 1);

        Assert.Null(refused.Record);
        Assert.Contains("eventName", refused.Problem!.Message);
        Assert.Equal("GetObject", kept.Record!.EventName);
        Assert.Null(kept.Record.UserAgent);
        Assert.Contains(kept.Notes, n => n.Message.Contains("userAgent"));
    }

    [Fact]
    public void Lookup_event_text_holding_an_unpaired_surrogate_is_a_problem_not_an_exception()
    {
        var result = TrailRecordParser.ParseLookupEvent("{\"eventTime\":\"2026-12-06T16:00:00Z\",\"userAgent\":\"x\ud800\"}", "lookup:us-east-1", 4);
        Assert.Null(result.Record);
        Assert.Equal(TrailProblemKinds.InvalidText, result.Problem!.Kind);
    }
}
