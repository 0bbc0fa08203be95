using System.Text.Json;
using System.Text.Json.Nodes;
using Shodo.Trail.Records;

namespace Shodo.Tests.InvestigationTests.Triage;

/// <summary>CloudTrail records for triage tests, built as CloudTrail writes them and parsed by the real parser.</summary>
internal static class TriageRecords
{
    public static readonly DateTimeOffset Since = new(2026, 11, 28, 0, 0, 0, TimeSpan.Zero);
    private static int _next;

    public static TrailRecord Event(string key, string eventName, DateTimeOffset at, string ip = "203.0.113.24",
        string userAgent = "aws-cli/2.15.30 Python/3.11.8 Darwin/23.4.0 exe/x86_64 prompt/off command/ec2.describe-instances",
        string region = "ap-northeast-1", string source = "ec2.amazonaws.com", string user = "dev-tanaka",
        JsonObject? request = null, JsonObject? response = null, string? error = null)
    {
        var record = new JsonObject
        {
            ["eventVersion"] = "1.09", ["eventTime"] = at.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ssZ"), ["eventSource"] = source,
            ["eventName"] = eventName, ["awsRegion"] = region, ["sourceIPAddress"] = ip, ["userAgent"] = userAgent,
            ["eventID"] = $"e-{Interlocked.Increment(ref _next):D6}",
            ["userIdentity"] = new JsonObject
            {
                ["type"] = "IAMUser", ["accountId"] = "111122223333", ["accessKeyId"] = key, ["userName"] = user,
                ["arn"] = $"arn:aws:iam::111122223333:user/{user}",
            },
            ["requestParameters"] = request, ["responseElements"] = response,
        };
        if (error is not null) record["errorCode"] = error;
        return TrailRecordParser.Parse(JsonDocument.Parse(record.ToJsonString()).RootElement, "test").Record!;
    }
}
