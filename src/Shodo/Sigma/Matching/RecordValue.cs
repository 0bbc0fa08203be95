using System.Text.Json;

namespace Shodo.Sigma.Matching;

/// <summary>
/// One value found in a record at a field path: a JSON string, number, boolean, null, or a whole
/// sub-object/array. Rule values compare with its <see cref="Text"/>: a string's own text, a number's
/// or boolean's JSON text (<c>10</c>, <c>true</c>), an object's or array's compact serialised JSON.
/// </summary>
public readonly struct RecordValue
{
    public RecordValue(JsonElement element) => Element = element;

    public JsonElement Element { get; }

    public bool IsNull => Element.ValueKind is JsonValueKind.Null or JsonValueKind.Undefined;

    /// <summary>The text rule values compare with; null for a JSON null.</summary>
    public string? Text => Element.ValueKind switch
    {
        JsonValueKind.String => Element.GetString(),
        JsonValueKind.Number => Element.GetRawText(),
        JsonValueKind.True => "true",
        JsonValueKind.False => "false",
        JsonValueKind.Object or JsonValueKind.Array => CompactJson(Element),
        _ => null,
    };

    private static string CompactJson(JsonElement element)
    {
        var buffer = new System.Buffers.ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = false, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
            element.WriteTo(writer);
        return System.Text.Encoding.UTF8.GetString(buffer.WrittenSpan);
    }
}
