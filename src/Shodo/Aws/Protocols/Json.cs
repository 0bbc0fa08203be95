using System.Globalization;
using System.Text.Json;

namespace Shodo.Aws.Protocols;

/// <summary>Reading JSON 1.1 answers: optional fields and epoch-second timestamps.</summary>
public static class Json
{
    public static string? Text(this JsonElement e, string name) =>
        e.ValueKind == JsonValueKind.Object && e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;

    public static bool? Bool(this JsonElement e, string name) =>
        e.ValueKind == JsonValueKind.Object && e.TryGetProperty(name, out var v) && v.ValueKind is JsonValueKind.True or JsonValueKind.False
            ? v.GetBoolean() : null;

    /// <summary>JSON 1.1 timestamps are seconds since the epoch (a number, maybe fractional).</summary>
    public static DateTimeOffset? Date(this JsonElement e, string name)
    {
        if (e.ValueKind != JsonValueKind.Object || !e.TryGetProperty(name, out var v)) return null;
        if (v.ValueKind == JsonValueKind.Number) return DateTimeOffset.FromUnixTimeMilliseconds((long)Math.Round(v.GetDouble() * 1000));
        return v.ValueKind == JsonValueKind.String && DateTimeOffset.TryParse(v.GetString(), CultureInfo.InvariantCulture,
            DateTimeStyles.AssumeUniversal, out var d) ? d : null;
    }

    public static IEnumerable<JsonElement> Items(this JsonElement e, string name) =>
        e.ValueKind == JsonValueKind.Object && e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.Array
            ? v.EnumerateArray() : [];

    /// <summary>
    /// The items of the list an answer exists to carry (DescribeTrails' <c>trailList</c>): absent is an empty
    /// list, but an answer that is not an object or whose field is not a list has the wrong shape and throws
    /// <see cref="FormatException"/>, so the reader records a gap instead of reading "none".
    /// </summary>
    public static IEnumerable<JsonElement> ListOf(this JsonElement e, string name)
    {
        if (e.ValueKind != JsonValueKind.Object) throw new FormatException($"the answer is a JSON {e.ValueKind}, not an object");
        if (!e.TryGetProperty(name, out var v) || v.ValueKind == JsonValueKind.Null) return [];
        if (v.ValueKind != JsonValueKind.Array) throw new FormatException($"'{name}' is a JSON {v.ValueKind}, not a list");
        return v.EnumerateArray();
    }

    public static JsonElement? Child(this JsonElement e, string name) =>
        e.ValueKind == JsonValueKind.Object && e.TryGetProperty(name, out var v) && v.ValueKind != JsonValueKind.Null ? v : null;

    public static double EpochSeconds(DateTimeOffset time) => time.ToUnixTimeMilliseconds() / 1000.0;
}
