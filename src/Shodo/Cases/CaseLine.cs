using System.Text.Json;
using System.Text.Json.Nodes;

namespace Shodo.Cases;

/// <summary>
/// One line of a JSON Lines file in a case (the journal, the evidence index). Lines are written in
/// <see cref="CanonicalJson"/> form, so a line that parses but is not byte-for-byte canonical was altered.
/// </summary>
internal sealed record CaseLine(int Number, byte[] Bytes, bool Terminated)
{
    public enum State { Intact, Unreadable, NotCanonical, Incomplete }

    /// <summary>Splits a file into lines; a last line without <c>\n</c> is marked not terminated.</summary>
    public static List<CaseLine> Read(byte[] file)
    {
        var lines = new List<CaseLine>();
        var start = 0;
        var number = 1;
        while (start < file.Length)
        {
            var end = Array.IndexOf(file, (byte)'\n', start);
            if (end < 0)
            {
                lines.Add(new CaseLine(number, file[start..], false));
                break;
            }
            lines.Add(new CaseLine(number++, file[start..end], true));
            start = end + 1;
        }
        return lines;
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
