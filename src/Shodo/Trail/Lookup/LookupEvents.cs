using System.Text.Json;
using System.Text.Json.Nodes;
using Shodo.Aws;
using Shodo.Aws.CloudTrail;
using Shodo.Aws.Protocols;

namespace Shodo.Trail.Lookup;

/// <summary>
/// cloudtrail:LookupEvents — management events of the last 90 days in this region, newest first,
/// optionally filtered by one attribute (e.g. the leaked AccessKeyId), paged by NextToken (botocore
/// cloudtrail/2013-11-01). The one form of the call Shodo sends; <see cref="LookupEventsReader"/> pages it.
/// AWS allows 2 requests per second per account and region; the transport keeps that spacing
/// (<see cref="Aws.Resilience.RequestRateLimits"/>).
/// </summary>
public sealed record LookupEvents(
    LookupAttribute? Attribute = null, DateTimeOffset? StartTime = null, DateTimeOffset? EndTime = null, int MaxResults = 50)
    : JsonPagedCall<LookupEvent>
{
    public override AwsOperation Operation => CloudTrailOperations.LookupEvents;

    public override void Write(JsonObject body)
    {
        if (Attribute is not null)
            body["LookupAttributes"] = new JsonArray(new JsonObject
            {
                ["AttributeKey"] = Attribute.AttributeKey, ["AttributeValue"] = Attribute.AttributeValue,
            });
        if (StartTime is { } start) body["StartTime"] = Json.EpochSeconds(start);
        if (EndTime is { } end) body["EndTime"] = Json.EpochSeconds(end);
        body["MaxResults"] = MaxResults;
    }

    /// <summary>The request body of one page, with the token that asked for it: what evidence records as its parameters.</summary>
    public JsonObject Parameters(string? nextToken = null)
    {
        var body = new JsonObject();
        Write(body);
        if (nextToken is not null) body[TokenField] = nextToken;
        return body;
    }

    public override IReadOnlyList<LookupEvent> Read(JsonElement r) => r.Items("Events").Select(LookupEvent.From).ToList();
}
