using System.Globalization;
using System.Text.Json.Nodes;
using Shodo.Range.Serving;

namespace Shodo.Range.Services.CloudTrail;

/// <summary>JSON 1.1 input members and epoch-second timestamps (parsing and recording a body: <see cref="JsonBody"/>).</summary>
internal static class CloudTrailJson
{
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
}
