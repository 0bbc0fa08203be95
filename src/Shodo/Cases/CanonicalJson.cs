using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Shodo.Cases;

/// <summary>
/// The canonical encoding every hash in a case is computed over, after RFC 8785 (JSON
/// Canonicalization Scheme):
/// <list type="bullet">
/// <item>UTF-8, no byte order mark, no whitespace between tokens;</item>
/// <item>object members sorted by name, comparing UTF-16 code units (ordinal); duplicate names are an error;</item>
/// <item>strings: <c>"</c> and <c>\</c> escaped as <c>\"</c> and <c>\\</c>; U+0008, U+0009, U+000A, U+000C,
/// U+000D as <c>\b \t \n \f \r</c>; other characters below U+0020 as <c>\u00xx</c> (lower-case hex);
/// every other character as itself. One deviation from RFC 8785: a lone surrogate (possible in hostile
/// AWS data) is written as <c>\udxxx</c> instead of being rejected, as ECMAScript's JSON.stringify does;</item>
/// <item>numbers as ECMAScript's Number.prototype.toString: integers without fraction or exponent
/// (<c>3</c>, not <c>3.0</c>), shortest round-trip digits, exponent form (<c>1e+21</c>) outside 1e-7..1e21;</item>
/// <item><c>true</c>, <c>false</c>, <c>null</c> as themselves.</item>
/// </list>
/// </summary>
public static class CanonicalJson
{
    /// <summary>How deep JSON in a case may nest (System.Text.Json's default of 64 is too shallow for hostile data).</summary>
    public const int MaxDepth = 1000;

    internal static JsonDocumentOptions DocumentOptions { get; } = new() { MaxDepth = MaxDepth };
    internal static JsonReaderOptions ReaderOptions { get; } = new() { MaxDepth = MaxDepth };

    public static byte[] Encode(JsonElement element)
    {
        var sb = new StringBuilder();
        Write(element, sb);
        return Encoding.UTF8.GetBytes(sb.ToString());
    }

    public static byte[] Encode(JsonNode? node)
    {
        using var document = JsonDocument.Parse(node?.ToJsonString() ?? "null", DocumentOptions);
        return Encode(document.RootElement);
    }

    /// <summary>Parses <paramref name="json"/> and returns it canonically encoded.</summary>
    public static byte[] Encode(ReadOnlySpan<byte> json)
    {
        var reader = new Utf8JsonReader(json, ReaderOptions);
        using var document = JsonDocument.ParseValue(ref reader);
        if (reader.Read()) throw new JsonException("Trailing data after the JSON value.");
        return Encode(document.RootElement);
    }

    private static void Write(JsonElement e, StringBuilder sb)
    {
        switch (e.ValueKind)
        {
            case JsonValueKind.Object:
                var members = e.EnumerateObject().Select(p => (Name: JsonText.Name(p), p.Value)).ToList();
                members.Sort((a, b) => string.CompareOrdinal(a.Name, b.Name));
                sb.Append('{');
                for (var i = 0; i < members.Count; i++)
                {
                    if (i > 0)
                    {
                        if (members[i].Name == members[i - 1].Name)
                            throw new JsonException($"Duplicate member name '{members[i].Name}'.");
                        sb.Append(',');
                    }
                    WriteString(members[i].Name, sb);
                    sb.Append(':');
                    Write(members[i].Value, sb);
                }
                sb.Append('}');
                break;
            case JsonValueKind.Array:
                sb.Append('[');
                var first = true;
                foreach (var item in e.EnumerateArray())
                {
                    if (!first) sb.Append(',');
                    first = false;
                    Write(item, sb);
                }
                sb.Append(']');
                break;
            case JsonValueKind.String: WriteString(JsonText.String(e), sb); break;
            case JsonValueKind.Number: sb.Append(Number(e)); break;
            case JsonValueKind.True: sb.Append("true"); break;
            case JsonValueKind.False: sb.Append("false"); break;
            case JsonValueKind.Null: sb.Append("null"); break;
            default: throw new JsonException($"Unexpected JSON value kind {e.ValueKind}.");
        }
    }

    /// <summary>A string as a canonical JSON string literal, quotes included.</summary>
    public static string Quote(string s)
    {
        var sb = new StringBuilder(s.Length + 2);
        WriteString(s, sb);
        return sb.ToString();
    }

    private static void WriteString(string s, StringBuilder sb)
    {
        sb.Append('"');
        for (var i = 0; i < s.Length; i++)
        {
            var c = s[i];
            switch (c)
            {
                case '"': sb.Append("\\\""); break;
                case '\\': sb.Append("\\\\"); break;
                case '\b': sb.Append("\\b"); break;
                case '\t': sb.Append("\\t"); break;
                case '\n': sb.Append("\\n"); break;
                case '\f': sb.Append("\\f"); break;
                case '\r': sb.Append("\\r"); break;
                default:
                    if (c < 0x20) sb.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture));
                    else if (char.IsHighSurrogate(c) && i + 1 < s.Length && char.IsLowSurrogate(s[i + 1])) sb.Append(c).Append(s[++i]);
                    else if (char.IsSurrogate(c)) sb.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture));
                    else sb.Append(c);
                    break;
            }
        }
        sb.Append('"');
    }

    private static string Number(JsonElement e)
    {
        if (e.TryGetInt64(out var integer) && Math.Abs(integer) <= (1L << 53))
            return integer.ToString(CultureInfo.InvariantCulture);
        return EcmaScriptNumber.Format(e.GetDouble());
    }
}
