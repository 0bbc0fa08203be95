using System.IO.Compression;
using System.Text.Json;
using Shodo.Investigation.Model;
using Shodo.Investigation.Records;

namespace Shodo.Investigation.Sources.LogFiles;

/// <summary>
/// Reads one trail log file — gzip or plain; <c>{"Records":[...]}</c>, a bare array of records, or JSON
/// Lines — into records. Minimal reader for the investigation; the <c>archive</c> branch streams and
/// validates digests. A file that does not read becomes a gap, never an exception.
/// </summary>
public static class TrailLogDocument
{
    public static SourceResult Read(byte[] content, string source)
    {
        try
        {
            var bytes = content.Length > 2 && content[0] == 0x1f && content[1] == 0x8b ? Gunzip(content) : content;
            var records = new List<TrailRecord>();
            var gaps = new List<SourceGap>();
            var text = bytes.AsSpan().TrimStart((byte)' ');
            if (text.Length > 0 && text[0] == (byte)'{' && LooksLikeJsonLines(bytes))
            {
                var line = 0;
                foreach (var l in System.Text.Encoding.UTF8.GetString(bytes).Split('\n'))
                {
                    line++;
                    if (string.IsNullOrWhiteSpace(l)) continue;
                    try
                    {
                        using var doc = JsonDocument.Parse(l);
                        Add(doc.RootElement, source, records, gaps, line);
                    }
                    catch (JsonException e) { gaps.Add(new SourceGap(source, null, "Unreadable", null, $"line {line}: {e.Message}")); }
                }
                return new SourceResult(records, gaps);
            }
            using var document = JsonDocument.Parse(bytes);
            var root = document.RootElement;
            var list = root.ValueKind == JsonValueKind.Array ? root
                : root.ValueKind == JsonValueKind.Object && root.TryGetProperty("Records", out var r) && r.ValueKind == JsonValueKind.Array ? r
                : (JsonElement?)null;
            if (list is null) return new SourceResult([], [new SourceGap(source, null, "Unreadable", null, "not a CloudTrail log file")]);
            var index = 0;
            foreach (var item in list.Value.EnumerateArray()) Add(item, source, records, gaps, ++index);
            return new SourceResult(records, gaps);
        }
        catch (Exception e) when (e is JsonException or InvalidDataException or IOException)
        {
            return new SourceResult([], [new SourceGap(source, null, "Unreadable", null, e.Message)]);
        }
    }

    private static void Add(JsonElement item, string source, List<TrailRecord> records, List<SourceGap> gaps, int index)
    {
        if (TrailRecordJson.From(item, source) is { } record) records.Add(record);
        else gaps.Add(new SourceGap(source, null, "Unreadable", null, $"record {index} has no eventID or eventTime"));
    }

    private static bool LooksLikeJsonLines(byte[] bytes)
    {
        var newline = Array.IndexOf(bytes, (byte)'\n');
        if (newline < 0) return false;
        try
        {
            using var _ = JsonDocument.Parse(bytes.AsMemory(0, newline));
            return true;
        }
        catch (JsonException) { return false; }
    }

    private static byte[] Gunzip(byte[] content)
    {
        using var input = new GZipStream(new MemoryStream(content), CompressionMode.Decompress);
        using var output = new MemoryStream();
        input.CopyTo(output);
        return output.ToArray();
    }
}
