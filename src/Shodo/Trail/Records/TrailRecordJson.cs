using System.Text.Json;

namespace Shodo.Trail.Records;

/// <summary>
/// Reading fields of a raw CloudTrail record (<see cref="TrailRecord.Raw"/>): a nested string, every
/// value of a name anywhere below. Records themselves are parsed by <see cref="TrailRecordParser"/>.
/// </summary>
public static class TrailRecordJson
{
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
                    if (p.NameEquals(name) && p.Value.ValueKind == JsonValueKind.Array) // a list of plain values: "valuesToAdd": ["1234…"]
                        foreach (var item in p.Value.EnumerateArray().Where(i => i.ValueKind == JsonValueKind.String)) yield return item.GetString()!;
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
