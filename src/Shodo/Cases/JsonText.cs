using System.Globalization;
using System.Text;
using System.Text.Json;

namespace Shodo.Cases;

/// <summary>
/// Reads JSON strings that System.Text.Json refuses to turn into .NET strings: those holding a lone
/// surrogate (<c>"\ud800"</c>), which hostile AWS data can contain. Everything else goes through
/// System.Text.Json unchanged.
/// </summary>
internal static class JsonText
{
    public static string String(JsonElement e)
    {
        try { return e.GetString()!; }
        catch (InvalidOperationException) { return FirstLiteral(e.GetRawText()); }
    }

    public static string Name(JsonProperty p)
    {
        try { return p.Name; }
        catch (InvalidOperationException) { return FirstLiteral(p.ToString()); }
    }

    public static string String(ref Utf8JsonReader reader)
    {
        try { return reader.GetString()!; }
        catch (InvalidOperationException) { return FirstLiteral("\"" + Encoding.UTF8.GetString(reader.ValueSpan) + "\""); }
    }

    /// <summary>Unescapes the first JSON string literal in <paramref name="raw"/>, keeping lone surrogates.</summary>
    private static string FirstLiteral(string raw)
    {
        var start = raw.IndexOf('"');
        if (start < 0) throw new JsonException("No JSON string.");
        var sb = new StringBuilder();
        for (var i = start + 1; i < raw.Length; i++)
        {
            var c = raw[i];
            if (c == '"') return sb.ToString();
            if (c != '\\') { sb.Append(c); continue; }
            var next = raw[++i];
            switch (next)
            {
                case 'b': sb.Append('\b'); break;
                case 'f': sb.Append('\f'); break;
                case 'n': sb.Append('\n'); break;
                case 'r': sb.Append('\r'); break;
                case 't': sb.Append('\t'); break;
                case 'u':
                    sb.Append((char)int.Parse(raw.AsSpan(i + 1, 4), NumberStyles.HexNumber, CultureInfo.InvariantCulture));
                    i += 4;
                    break;
                default: sb.Append(next); break;
            }
        }
        throw new JsonException("Unterminated JSON string.");
    }
}
