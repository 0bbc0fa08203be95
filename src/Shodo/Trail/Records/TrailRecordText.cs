using System.Text;
using System.Text.Json;
using System.Text.Unicode;
using Shodo.Trail.Archives;

namespace Shodo.Trail.Records;

/// <summary>
/// Whether a record's JSON text can be read as text at all. System.Text.Json splits JSON without
/// checking that strings are valid UTF-8, then throws when a string is read (by the parser, a Sigma
/// rule, a writer): bytes that are not UTF-8, or an escaped surrogate with no partner (<c>"\ud800"</c>).
/// CloudTrail writes neither, so such a record was made by hand; it is refused whole, before anyone
/// reads a field of it.
/// </summary>
public static class TrailRecordText
{
    /// <summary>
    /// Null when every string of the JSON can be read; else why not, naming the byte offset and calling
    /// the JSON <paramref name="what"/> (a record, a digest).
    /// </summary>
    public static string? Problem(ReadOnlySpan<byte> json, string what = "record")
    {
        if (!Utf8.IsValid(json))
        {
            var at = FirstInvalidByte(json);
            return $"the {what} is not valid UTF-8 (byte 0x{json[at]:X2} at offset {at} of the {what})";
        }
        return MayHoldSurrogateEscape(json) && UnpairedSurrogateAt(json) is { } offset
            ? $"the {what} holds an escaped surrogate with no partner (at offset {offset} of the {what})"
            : null;
    }

    private static int FirstInvalidByte(ReadOnlySpan<byte> json)
    {
        var at = 0;
        while (at < json.Length && Rune.DecodeFromUtf8(json[at..], out _, out var consumed) == System.Buffers.OperationStatus.Done)
            at += consumed;
        return Math.Min(at, json.Length - 1);
    }

    /// <summary><c>\uD800</c> to <c>\uDFFF</c> in any case: cheap, and false for almost every record.</summary>
    private static bool MayHoldSurrogateEscape(ReadOnlySpan<byte> json)
    {
        for (var i = json.IndexOf("\\u"u8); i >= 0 && i + 3 < json.Length; )
        {
            if (json[i + 2] is (byte)'d' or (byte)'D' && json[i + 3] is >= (byte)'8' and <= (byte)'9' or >= (byte)'a' and <= (byte)'f' or >= (byte)'A' and <= (byte)'F')
                return true;
            var next = json[(i + 2)..].IndexOf("\\u"u8);
            i = next < 0 ? -1 : i + 2 + next;
        }
        return false;
    }

    /// <summary>Reads each escaped string as .NET would; the offset of the first that cannot be, or null.</summary>
    private static long? UnpairedSurrogateAt(ReadOnlySpan<byte> json)
    {
        var reader = new Utf8JsonReader(json, new JsonReaderOptions { MaxDepth = TrailLogReadOptions.MaxDepth });
        try
        {
            while (reader.Read())
            {
                if (reader.TokenType is not (JsonTokenType.String or JsonTokenType.PropertyName) || !reader.ValueIsEscaped) continue;
                try { reader.GetString(); }
                catch (InvalidOperationException) { return reader.TokenStartIndex; }
            }
        }
        catch (JsonException e)
        {
            // The splitter already read it as JSON; say so rather than let it through unread.
            return e.BytePositionInLine ?? 0;
        }
        return null;
    }
}
