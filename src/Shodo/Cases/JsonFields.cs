using System.Text.Json.Nodes;

namespace Shodo.Cases;

/// <summary>Tolerant reads of fields written by other features: a missing or differently typed field is null.</summary>
internal static class JsonFields
{
    public static string? Text(JsonNode? json, string name) => json?[name] switch
    {
        JsonValue v when v.TryGetValue<string>(out var s) => s,
        null => null,
        var other => other.ToJsonString(),
    };

    public static int? Integer(JsonNode? json, string name) =>
        json?[name] is JsonValue v && v.TryGetValue<int>(out var i) ? i : null;

    public static bool? Boolean(JsonNode? json, string name) =>
        json?[name] is JsonValue v && v.TryGetValue<bool>(out var b) ? b : null;

    public static IReadOnlyList<string> Texts(JsonNode? json, string name) => json?[name] switch
    {
        JsonArray array => array.Select(n => n switch
        {
            JsonValue v when v.TryGetValue<string>(out var s) => s,
            JsonObject o => Text(o, "id") ?? Text(o, "resourceId") ?? Text(o, "actionId") ?? o.ToJsonString(),
            _ => n?.ToJsonString() ?? "",
        }).ToList(),
        _ => [],
    };
}
