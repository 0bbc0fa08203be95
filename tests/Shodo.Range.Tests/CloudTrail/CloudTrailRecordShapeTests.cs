using Shodo.Range.Tests.Infrastructure;
using System.Text.Json;
using System.Text.Json.Nodes;
using Shodo.Range.State;
using Shodo.Range.State.CloudTrail;

namespace Shodo.Range.Tests.CloudTrail;

/// <summary>
/// The range's CloudTrail records have the field names and JSON types of real AWS records: the
/// Stratus Red Team detonation logs (Datadog, Apache-2.0) in shared/testdata are the reference.
/// </summary>
public sealed class CloudTrailRecordShapeTests
{
    private static readonly string TestData = SharedTestData.Root;

    /// <summary>Fields AWS adds that the range cannot know about (it is served over plain HTTP).</summary>
    private static readonly string[] NotOnRange = ["tlsDetails", "additionalEventData", "sessionCredentialFromConsole"];

    private static List<JsonObject> RealRecords() =>
        Directory.GetFiles(Path.Combine(TestData, "cloudtrail", "stratus-red-team-detonation-logs"), "*.json")
            .SelectMany(f => JsonNode.Parse(File.ReadAllText(f))!.AsArray().Cast<JsonObject>()).ToList();

    /// <summary>Every path (a.b.c) in the records with the JSON kinds seen there.</summary>
    private static Dictionary<string, HashSet<JsonValueKind>> Shape(IEnumerable<JsonObject> records, bool deep)
    {
        var shape = new Dictionary<string, HashSet<JsonValueKind>>();
        void Walk(JsonObject obj, string prefix, int depth)
        {
            foreach (var (name, value) in obj)
            {
                var path = prefix + name;
                var kind = value?.GetValueKind() ?? JsonValueKind.Null;
                if (kind == JsonValueKind.False) kind = JsonValueKind.True; // one kind: boolean
                (shape.TryGetValue(path, out var kinds) ? kinds : shape[path] = []).Add(kind);
                var isIdentity = path.StartsWith("userIdentity", StringComparison.Ordinal);
                if (value is JsonObject child && (isIdentity || deep && depth == 0)) Walk(child, path + ".", depth + 1);
            }
        }
        foreach (var r in records) Walk(r, "", 0);
        return shape;
    }

    private static List<JsonObject> RangeRecords()
    {
        var range = new DirectCalls();
        range.State.CreateBucket("customer-data");
        range.State.PutObject("customer-data", "people.csv", "x"u8.ToArray());
        var records = new List<CallRecord>
        {
            range.Query("rds", "DescribeDBInstances").Record,
            range.Query("rds", "DescribeDBSnapshots", new() { ["DBSnapshotIdentifier"] = "nope" }, caller: DirectCalls.RoleSession).Record,
            range.S3("GET", "/customer-data/people.csv").Record,
            range.CloudTrail("LookupEvents").Record,
        };
        return records.Select(r => CloudTrailRecord.From(r, DirectCalls.Account)).ToList();
    }

    [Fact]
    public void Every_field_the_range_writes_is_one_AWS_writes_with_the_same_JSON_type()
    {
        var real = Shape(RealRecords(), deep: false);
        foreach (var (path, kinds) in Shape(RangeRecords(), deep: false))
        {
            if (path == "resources") continue; // S3 records carry resources; none in the reference set are S3.
            Assert.True(real.ContainsKey(path), $"AWS records have no field {path}");
            Assert.True(kinds.IsSubsetOf(real[path]), $"{path}: range writes {string.Join(",", kinds)}, AWS {string.Join(",", real[path])}");
        }
    }

    [Fact]
    public void Every_field_every_AWS_record_has_is_in_every_range_record()
    {
        var real = RealRecords();
        var always = real[0].Select(p => p.Key).Where(k => real.All(r => r.ContainsKey(k)) && !NotOnRange.Contains(k)).ToList();
        Assert.Contains("eventVersion", always);
        Assert.Contains("recipientAccountId", always);
        foreach (var record in RangeRecords())
            foreach (var field in always)
                Assert.True(record.ContainsKey(field), $"range record lacks {field}: {record.ToJsonString()}");
    }

    [Fact]
    public void Errors_carry_errorCode_and_errorMessage_and_successes_do_not()
    {
        var records = RangeRecords();
        var failed = Assert.Single(records, r => r.ContainsKey("errorCode"));
        Assert.Equal("DBSnapshotNotFound", failed["errorCode"]!.GetValue<string>());
        Assert.Equal("DBSnapshot nope not found.", failed["errorMessage"]!.GetValue<string>());
        Assert.All(records.Where(r => r != failed), r => Assert.False(r.ContainsKey("errorMessage")));
    }

    [Fact]
    public void An_assumed_role_session_has_a_session_issuer_and_attributes_as_strings()
    {
        var record = RangeRecords().Single(r => r["userIdentity"]!["type"]!.GetValue<string>() == "AssumedRole");
        var context = record["userIdentity"]!["sessionContext"]!;
        Assert.Equal("Role", context["sessionIssuer"]!["type"]!.GetValue<string>());
        Assert.Equal($"arn:aws:iam::{DirectCalls.Account}:role/ops", context["sessionIssuer"]!["arn"]!.GetValue<string>());
        Assert.Equal("AROAOPSOPSOPSOPSOPS01", context["sessionIssuer"]!["principalId"]!.GetValue<string>());
        Assert.Equal("2026-11-01T00:00:00Z", context["attributes"]!["creationDate"]!.GetValue<string>());
        Assert.Equal("false", context["attributes"]!["mfaAuthenticated"]!.GetValue<string>());
        Assert.Null(record["userIdentity"]!["userName"]);
    }

    [Fact]
    public void An_S3_object_read_is_a_data_event_with_the_object_and_bucket_as_resources()
    {
        var record = RangeRecords().Single(r => r["eventName"]!.GetValue<string>() == "GetObject");
        Assert.Equal("Data", record["eventCategory"]!.GetValue<string>());
        Assert.False(record["managementEvent"]!.GetValue<bool>());
        Assert.True(record["readOnly"]!.GetValue<bool>());
        Assert.Equal("customer-data", record["requestParameters"]!["bucketName"]!.GetValue<string>());
        Assert.Equal("people.csv", record["requestParameters"]!["key"]!.GetValue<string>());
        var arns = record["resources"]!.AsArray().Select(r => r!["ARN"]!.GetValue<string>()).ToList();
        Assert.Equal(["arn:aws:s3:::customer-data/people.csv", "arn:aws:s3:::customer-data"], arns);
        Assert.Matches(@"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$", record["eventTime"]!.GetValue<string>());
        Assert.Equal("AwsApiCall", record["eventType"]!.GetValue<string>());
        Assert.Equal("1.08", record["eventVersion"]!.GetValue<string>());
    }
}
