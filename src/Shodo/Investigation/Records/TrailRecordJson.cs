using System.Globalization;
using System.Text.Json;
using Shodo.Investigation.Model;

namespace Shodo.Investigation.Records;

/// <summary>
/// The minimal CloudTrail record reader this investigation needs: one record (a JSON object as
/// CloudTrail writes it) to a <see cref="TrailRecord"/>, or null when it lacks an eventID or eventTime.
/// The <c>archive</c> branch's <c>TrailRecordParser</c> is the full one (bad input, huge fields);
/// this one is kept small on purpose.
/// </summary>
public static class TrailRecordJson
{
    public static TrailRecord? From(JsonElement raw, string source)
    {
        if (raw.ValueKind != JsonValueKind.Object) return null;
        var id = Text(raw, "eventID");
        var time = Text(raw, "eventTime");
        if (id is null || time is null || !DateTimeOffset.TryParse(time, CultureInfo.InvariantCulture,
                DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var eventTime))
            return null;
        var identity = raw.TryGetProperty("userIdentity", out var u) && u.ValueKind == JsonValueKind.Object ? u : default;
        return new TrailRecord
        {
            EventId = id,
            EventTime = eventTime,
            EventSource = Text(raw, "eventSource") ?? "",
            EventName = Text(raw, "eventName") ?? "",
            Region = Text(raw, "awsRegion"),
            SourceIp = Text(raw, "sourceIPAddress"),
            UserAgent = Text(raw, "userAgent"),
            ErrorCode = Text(raw, "errorCode"),
            ErrorMessage = Text(raw, "errorMessage"),
            AccessKeyId = Text(identity, "accessKeyId") is { Length: > 0 } key ? key : null,
            PrincipalArn = Text(identity, "arn"),
            UserName = Text(identity, "userName") ?? IssuerName(identity),
            IdentityType = Text(identity, "type"),
            AccountId = Text(identity, "accountId") ?? Text(raw, "recipientAccountId"),
            ReadOnly = raw.TryGetProperty("readOnly", out var ro) ? ro.ValueKind switch
            {
                JsonValueKind.True => true,
                JsonValueKind.False => false,
                JsonValueKind.String => string.Equals(ro.GetString(), "true", StringComparison.OrdinalIgnoreCase),
                _ => null,
            } : null,
            EventCategory = Text(raw, "eventCategory") ?? "Management",
            Source = source,
            Raw = raw.Clone(),
        };
    }

    private static string? IssuerName(JsonElement identity) =>
        identity.ValueKind == JsonValueKind.Object && identity.TryGetProperty("sessionContext", out var c)
        && c.ValueKind == JsonValueKind.Object && c.TryGetProperty("sessionIssuer", out var issuer)
            ? Text(issuer, "userName") : null;

    public static string? Text(JsonElement e, string name) =>
        e.ValueKind == JsonValueKind.Object && e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;

    /// <summary>A nested string: <c>Path(raw, "responseElements", "accessKey", "accessKeyId")</c>.</summary>
    public static string? Path(JsonElement e, params string[] names)
    {
        foreach (var name in names)
        {
            if (e.ValueKind != JsonValueKind.Object || !e.TryGetProperty(name, out e)) return null;
        }
        return e.ValueKind == JsonValueKind.String ? e.GetString() : e.ValueKind == JsonValueKind.Number ? e.GetRawText() : null;
    }

    /// <summary>Every value of a property named <paramref name="name"/> anywhere under <paramref name="e"/>.</summary>
    public static IEnumerable<string> All(JsonElement e, string name)
    {
        switch (e.ValueKind)
        {
            case JsonValueKind.Object:
                foreach (var p in e.EnumerateObject())
                {
                    if (p.NameEquals(name) && p.Value.ValueKind == JsonValueKind.String) yield return p.Value.GetString()!;
                    foreach (var v in All(p.Value, name)) yield return v;
                }
                break;
            case JsonValueKind.Array:
                foreach (var item in e.EnumerateArray())
                    foreach (var v in All(item, name)) yield return v;
                break;
        }
    }
}
