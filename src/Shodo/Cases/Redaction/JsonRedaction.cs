using System.Text;
using System.Text.Json;

namespace Shodo.Cases.Redaction;

/// <summary>
/// Redaction of JSON (one document or JSON Lines) that keeps every byte that is not a secret: the
/// value of a secret property (any type but null and booleans) becomes <c>"[REDACTED]"</c>; every
/// other string is redacted as text, or, when it holds JSON itself (CloudTrail's CloudTrailEvent),
/// as JSON, recursively. Returns false when the input is not JSON.
/// </summary>
internal sealed class JsonRedaction(HashSet<string> secretKeys, Func<string, Redacted<string>> redactString)
{
    private static readonly byte[] MarkerJson = Encoding.UTF8.GetBytes("\"" + Redactor.Marker + "\"");

    public bool TryRedact(ReadOnlySpan<byte> json, out Redacted<byte[]> result)
    {
        var edits = new List<(long Start, long End, byte[] With)>();
        var count = 0;
        try
        {
            var reader = new Utf8JsonReader(json, new JsonReaderOptions { AllowMultipleValues = true, CommentHandling = JsonCommentHandling.Skip, MaxDepth = CanonicalJson.MaxDepth });
            var secretNext = false;
            var sawToken = false;
            while (reader.Read())
            {
                sawToken = true;
                if (reader.TokenType == JsonTokenType.PropertyName)
                {
                    secretNext = secretKeys.Contains(SecretFields.Normalize(JsonText.String(ref reader)));
                    continue;
                }
                var start = reader.TokenStartIndex;
                if (secretNext)
                {
                    secretNext = false;
                    if (reader.TokenType is JsonTokenType.Null or JsonTokenType.True or JsonTokenType.False) continue;
                    if (reader.TokenType == JsonTokenType.String && JsonText.String(ref reader) is "" or Redactor.Marker) continue;
                    if (reader.TokenType is JsonTokenType.StartObject or JsonTokenType.StartArray) reader.Skip();
                    edits.Add((start, reader.BytesConsumed, MarkerJson));
                    count++;
                    continue;
                }
                if (reader.TokenType != JsonTokenType.String) continue;
                var redacted = redactString(JsonText.String(ref reader));
                if (redacted.Count == 0) continue;
                edits.Add((start, reader.BytesConsumed, Encoding.UTF8.GetBytes(CanonicalJson.Quote(redacted.Value))));
                count += redacted.Count;
            }
            if (!sawToken) { result = default; return false; }
        }
        catch (JsonException)
        {
            result = default;
            return false;
        }
        result = new(Apply(json, edits), count);
        return true;
    }

    private static byte[] Apply(ReadOnlySpan<byte> json, List<(long Start, long End, byte[] With)> edits)
    {
        if (edits.Count == 0) return json.ToArray();
        using var output = new MemoryStream(json.Length);
        long at = 0;
        foreach (var (start, end, with) in edits)
        {
            output.Write(json[(int)at..(int)start]);
            output.Write(with);
            at = end;
        }
        output.Write(json[(int)at..]);
        return output.ToArray();
    }
}
