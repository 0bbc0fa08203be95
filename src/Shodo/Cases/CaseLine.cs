using System.Text.Json;
using System.Text.Json.Nodes;

namespace Shodo.Cases;

/// <summary>
/// One line of a JSON Lines file in a case (the journal, the evidence index). Lines are written in
/// <see cref="CanonicalJson"/> form, so a line that parses but is not byte-for-byte canonical was altered.
/// </summary>
internal sealed record CaseLine(int Number, byte[] Bytes, bool Terminated)
{
    /// <summary>The file offset just after this line (after its <c>\n</c> when terminated).</summary>
    public long End { get; init; }

    public enum State { Intact, Unreadable, NotCanonical, Incomplete }

    /// <summary>
    /// Splits a file (or its part from <paramref name="offset"/>, whose first line is number
    /// <paramref name="firstNumber"/>) into lines; a last line without <c>\n</c> is marked not terminated.
    /// </summary>
    public static List<CaseLine> Read(byte[] file, int firstNumber = 1, long offset = 0)
    {
        var lines = new List<CaseLine>();
        var start = 0;
        var number = firstNumber;
        while (start < file.Length)
        {
            var end = Array.IndexOf(file, (byte)'\n', start);
            if (end < 0)
            {
                lines.Add(new CaseLine(number, file[start..], false) { End = offset + file.Length });
                break;
            }
            lines.Add(new CaseLine(number++, file[start..end], true) { End = offset + end + 1 });
            start = end + 1;
        }
        return lines;
    }

    /// <summary>
    /// Whether this unterminated last line is what a write cut short leaves: the start of a JSON
    /// object that has not ended yet. Anything else (an ended object followed by more bytes, bytes
    /// that could never begin Shodo's JSON) was not left by an interrupted append.
    /// </summary>
    public bool IsUnfinishedWrite()
    {
        if (Terminated || Bytes.Length == 0 || Bytes[0] != (byte)'{') return false;
        try
        {
            var reader = new Utf8JsonReader(Bytes, isFinalBlock: false, new JsonReaderState(CanonicalJson.ReaderOptions));
            while (reader.Read())
                if (reader.CurrentDepth == 0 && reader.TokenType == JsonTokenType.EndObject) return false;
            return true;
        }
        catch (JsonException) { return false; }
    }

    /// <summary>Parses the line as a JSON object written by Shodo, never throwing.</summary>
    public State TryParse(out JsonObject json)
    {
        json = new JsonObject();
        try
        {
            var canonical = CanonicalJson.Encode(Bytes);
            if (JsonNode.Parse(Bytes, documentOptions: CanonicalJson.DocumentOptions) is not JsonObject parsed) return State.Unreadable;
            if (!canonical.AsSpan().SequenceEqual(Bytes)) return State.NotCanonical;
            json = parsed;
            return Terminated ? State.Intact : State.Incomplete;
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException or ArgumentException or FormatException)
        {
            return State.Unreadable;
        }
    }
}
