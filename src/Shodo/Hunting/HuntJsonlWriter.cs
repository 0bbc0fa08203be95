using System.Text.Json;
using Shodo.Trail.Archives;

namespace Shodo.Hunting;

/// <summary>
/// Matches as JSON Lines: one object per match with the rule's metadata, the event's key fields,
/// the file and record index, and the record itself. Written and flushed per match.
/// </summary>
public sealed class HuntJsonlWriter(TextWriter output) : IHuntMatchSink
{
    private readonly Lock _gate = new();

    public void Write(HuntMatch match)
    {
        // The record was read within the archive's depth limit; read it again within the same one.
        using var raw = JsonDocument.Parse(match.RawJson, new JsonDocumentOptions { MaxDepth = TrailLogReadOptions.MaxDepth });
        lock (_gate)
        {
            var buffer = new System.Buffers.ArrayBufferWriter<byte>(1024);
            using (var json = new Utf8JsonWriter(buffer))
            {
                json.WriteStartObject();
                json.WriteStartObject("rule");
                json.WriteString("id", match.Rule.Id);
                json.WriteString("title", match.Rule.Title);
                json.WriteString("level", match.Rule.Level is { } level ? level.ToString().ToLowerInvariant() : null);
                json.WriteString("status", match.Rule.Status);
                json.WriteString("author", match.Rule.Author);
                HuntJson.WriteStrings(json, "tags", match.Rule.Tags);
                HuntJson.WriteStrings(json, "references", match.Rule.References);
                json.WriteString("path", match.Rule.Path);
                json.WriteEndObject();
                json.WriteString("eventTime", match.EventTime);
                json.WriteString("eventID", match.EventId);
                json.WriteString("eventName", match.EventName);
                json.WriteString("eventSource", match.EventSource);
                json.WriteString("awsRegion", match.Region);
                json.WriteString("sourceIPAddress", match.SourceIp);
                json.WriteString("principalArn", match.PrincipalArn);
                json.WriteString("accessKeyId", match.AccessKeyId);
                json.WriteString("file", match.File);
                json.WriteNumber("recordIndex", match.RecordIndex);
                json.WritePropertyName("record");
                raw.RootElement.WriteTo(json);
                json.WriteEndObject();
            }
            output.Write(System.Text.Encoding.UTF8.GetString(buffer.WrittenSpan));
            output.Write('\n');
            output.Flush();
        }
    }
}

internal static class HuntJson
{
    public static void WriteStrings(Utf8JsonWriter json, string name, IEnumerable<string> values)
    {
        json.WriteStartArray(name);
        foreach (var v in values) json.WriteStringValue(v);
        json.WriteEndArray();
    }
}
