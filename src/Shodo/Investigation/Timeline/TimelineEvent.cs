using System.Globalization;
using System.Text.Json.Nodes;

namespace Shodo.Investigation.Timeline;

/// <summary>
/// One line of <c>timeline.jsonl</c> (<see cref="TimelineFile"/>) as the steps after the investigation read it
/// back: a CloudTrail record as the investigation normalised it (the <c>TrailRecord</c> fields without
/// <c>raw</c>). Every string is attacker-controlled.
/// </summary>
public sealed record TimelineEvent(
    string EventId, DateTimeOffset Time, string EventSource, string EventName, string? Region,
    string? SourceIp, string? UserAgent, string? ErrorCode, string? AccessKeyId, string? PrincipalArn,
    string? UserName, string? IdentityType)
{
    /// <summary>The account named in the principal ARN, if any.</summary>
    public string? AccountIdHint => PrincipalArn?.Split(":") is { Length: > 4 } parts && parts[4].Length == 12 ? parts[4] : null;

    /// <summary>The service part of the event source: <c>ec2</c> for <c>ec2.amazonaws.com</c>.</summary>
    public string Service => EventSource.Split('.')[0];

    /// <summary>The event of one line, or null when it has no time or name.</summary>
    public static TimelineEvent? FromJson(JsonObject json)
    {
        var time = (string?)json["eventTime"];
        var name = (string?)json["eventName"];
        if (time is null || name is null) return null;
        if (!DateTimeOffset.TryParse(time, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var at)) return null;
        return new TimelineEvent(
            Text(json, "eventId") ?? "", at, Text(json, "eventSource") ?? "", name, Text(json, "region"),
            Text(json, "sourceIp"), Text(json, "userAgent"), Text(json, "errorCode"), Text(json, "accessKeyId"),
            Text(json, "principalArn"), Text(json, "userName"), Text(json, "identityType"));
    }

    private static string? Text(JsonObject json, string name) =>
        json[name] is JsonValue v && v.TryGetValue<string>(out var s) ? s : json[name]?.ToJsonString();
}
