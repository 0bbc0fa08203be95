using System.Text.Json;
using System.Text.Json.Nodes;
using Shodo.Aws;
using Shodo.Aws.CloudTrail;
using Shodo.Aws.Protocols;

namespace Shodo.Investigation.Sources.Lookup;

/// <summary>
/// One page of cloudtrail:LookupEvents, sent with the NextToken of the page before it, so that a page
/// that was throttled can be asked for again without starting over (botocore cloudtrail/2013-11-01).
/// </summary>
public sealed record LookupEventsPage(string? AttributeKey, string? AttributeValue, DateTimeOffset? StartTime,
    DateTimeOffset? EndTime, string? NextToken) : JsonCall<LookupEventsAnswer>
{
    public override AwsOperation Operation => CloudTrailOperations.LookupEvents;

    public override void Write(JsonObject body)
    {
        if (AttributeKey is not null)
            body["LookupAttributes"] = new JsonArray(new JsonObject { ["AttributeKey"] = AttributeKey, ["AttributeValue"] = AttributeValue });
        if (StartTime is { } start) body["StartTime"] = Json.EpochSeconds(start);
        if (EndTime is { } end) body["EndTime"] = Json.EpochSeconds(end);
        body["MaxResults"] = 50;
        if (NextToken is not null) body["NextToken"] = NextToken;
    }

    public JsonObject Parameters()
    {
        var body = new JsonObject();
        Write(body);
        return body;
    }

    public override LookupEventsAnswer Read(JsonElement result) => new(
        result.Items("Events").Select(e => e.Text("CloudTrailEvent")).Where(s => s is not null).Select(s => s!).ToList(),
        result.Text("NextToken"));
}

/// <summary>The records of one page (each CloudTrailEvent string as CloudTrail wrote it) and the next token.</summary>
public sealed record LookupEventsAnswer(IReadOnlyList<string> CloudTrailEvents, string? NextToken);
