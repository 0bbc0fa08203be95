using System.Text.Json;
using Shodo.Aws.Protocols;

namespace Shodo.Aws.CloudTrail.Model;

/// <summary>
/// One management event from LookupEvents (botocore <c>Event</c>). <see cref="CloudTrailEventJson"/>
/// is the full record as CloudTrail wrote it; every string in it came from the attacker's side.
/// </summary>
public sealed record TrailEvent(
    string EventId, string EventName, string? ReadOnly, string? AccessKeyId, DateTimeOffset? EventTime,
    string? EventSource, string? Username, IReadOnlyList<TrailEventResource> Resources, string? CloudTrailEventJson)
{
    public static TrailEvent From(JsonElement e) => new(
        e.Text("EventId") ?? "", e.Text("EventName") ?? "", e.Text("ReadOnly"), e.Text("AccessKeyId"), e.Date("EventTime"),
        e.Text("EventSource"), e.Text("Username"),
        e.Items("Resources").Select(r => new TrailEventResource(r.Text("ResourceType"), r.Text("ResourceName"))).ToList(),
        e.Text("CloudTrailEvent"));
}

public sealed record TrailEventResource(string? ResourceType, string? ResourceName);

/// <summary>A LookupEvents filter (botocore <c>LookupAttribute</c>): key such as AccessKeyId, Username, EventName.</summary>
public sealed record LookupAttribute(string AttributeKey, string AttributeValue);
