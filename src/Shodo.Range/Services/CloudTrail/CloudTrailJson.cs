using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Shodo.Range.Serving;

namespace Shodo.Range.Services.CloudTrail;

/// <summary>JSON 1.1 helpers: parsing input, epoch-second timestamps, and CloudTrail's camelCase records.</summary>
internal static class CloudTrailJson
{
    public static JsonObject Parse(byte[] body)
    {
        if (body.Length == 0) return [];
        try
        {
            return JsonNode.Parse(body) as JsonObject
                   ?? throw new AwsError("SerializationException", "Request body must be a JSON object");
        }
        catch (JsonException)
        {
            throw new AwsError("SerializationException", "Start of structure or map found where not expected.");
        }
    }

    public static string? String(JsonObject input, string member) =>
        input[member] is JsonValue v && v.TryGetValue<string>(out var s) ? s : null;

    public static bool? Bool(JsonObject input, string member) =>
        input[member] is JsonValue v && v.TryGetValue<bool>(out var b) ? b : null;

    public static string RequiredString(JsonObject input, string member, string errorCode = "InvalidParameterException") =>
        String(input, member) is { Length: > 0 } s ? s : throw new AwsError(errorCode, $"{member} is required.");

    /// <summary>A JSON 1.1 timestamp: epoch seconds (number), or an ISO 8601 string.</summary>
    public static DateTimeOffset? Time(JsonObject input, string member)
    {
        if (input[member] is not JsonValue v) return null;
        if (v.TryGetValue<double>(out var seconds)) return DateTimeOffset.UnixEpoch.AddSeconds(seconds);
        if (v.TryGetValue<string>(out var text))
        {
            if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out seconds))
                return DateTimeOffset.UnixEpoch.AddSeconds(seconds);
            if (DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var t))
                return t;
        }
        throw new AwsError("SerializationException", $"Invalid timestamp for {member}");
    }

    public static JsonNode Epoch(DateTimeOffset time) => JsonValue.Create(time.ToUnixTimeMilliseconds() / 1000.0);

    /// <summary>The input or output as CloudTrail records it: the same members, camelCase; null when empty.</summary>
    public static JsonObject? CamelCase(JsonObject? source)
    {
        if (source is null || source.Count == 0) return null;
        return (JsonObject)CamelCaseNode(source)!;
    }

    private static JsonNode? CamelCaseNode(JsonNode? node) => node switch
    {
        JsonObject obj => new JsonObject(obj.Select(p =>
            KeyValuePair.Create(char.ToLowerInvariant(p.Key[0]) + p.Key[1..], CamelCaseNode(p.Value)))),
        JsonArray array => new JsonArray(array.Select(CamelCaseNode).ToArray()),
        _ => node?.DeepClone(),
    };
}
