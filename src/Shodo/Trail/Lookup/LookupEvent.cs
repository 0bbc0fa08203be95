using System.Text.Json;
using Shodo.Aws.Protocols;
using Shodo.Trail.Records;

namespace Shodo.Trail.Lookup;

/// <summary>
/// One item of a LookupEvents answer (botocore <c>Event</c>): a few fields summarised by CloudTrail and
/// <see cref="CloudTrailEventJson"/>, the full record as CloudTrail wrote it. Everything Shodo reasons on
/// is the <see cref="TrailRecord"/> parsed from that record (<see cref="Parse"/>); every string in it came
/// from the attacker's side.
/// </summary>
public sealed record LookupEvent(
    string EventId, string EventName, string? ReadOnly, string? AccessKeyId, DateTimeOffset? EventTime,
    string? EventSource, string? Username, IReadOnlyList<LookupEventResource> Resources, string? CloudTrailEventJson)
{
    public static LookupEvent From(JsonElement e) => new(
        e.Text("EventId") ?? "", e.Text("EventName") ?? "", e.Text("ReadOnly"), e.Text("AccessKeyId"), e.Date("EventTime"),
        e.Text("EventSource"), e.Text("Username"),
        e.Items("Resources").Select(r => new LookupEventResource(r.Text("ResourceType"), r.Text("ResourceName"))).ToList(),
        e.Text("CloudTrailEvent"));

    /// <summary>The record, or why it was refused (<see cref="TrailRecordParser.ParseLookupEvent"/>); <paramref name="source"/> names where it was read.</summary>
    public TrailRecordParse Parse(string source, long? index = null) => TrailRecordParser.ParseLookupEvent(CloudTrailEventJson, source, index);
}

public sealed record LookupEventResource(string? ResourceType, string? ResourceName);

/// <summary>A LookupEvents filter (botocore <c>LookupAttribute</c>): key such as AccessKeyId, Username, EventName.</summary>
public sealed record LookupAttribute(string AttributeKey, string AttributeValue);
