using System.Text.Json;
using System.Text.Json.Nodes;
using Shodo.Aws.CloudTrail.Model;
using Shodo.Aws.Protocols;

namespace Shodo.Aws.CloudTrail.Calls;

/// <summary>
/// cloudtrail:LookupEvents — management events of the last 90 days in this region, newest first,
/// optionally filtered by one attribute (e.g. the leaked AccessKeyId). 2 requests/second.
/// </summary>
public sealed record LookupEvents(
    LookupAttribute? Attribute = null, DateTimeOffset? StartTime = null, DateTimeOffset? EndTime = null, int MaxResults = 50)
    : JsonPagedCall<TrailEvent>
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

    public override IReadOnlyList<TrailEvent> Read(JsonElement r) => r.Items("Events").Select(TrailEvent.From).ToList();
}
