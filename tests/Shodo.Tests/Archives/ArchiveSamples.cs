using System.IO.Compression;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Shodo.Tests.Archives;

/// <summary>Writes trail log files in every shape the reader takes, from the detonation records.</summary>
public static class ArchiveSamples
{
    public static IReadOnlyList<JsonObject> Records(string detonationFile) =>
        JsonNode.Parse(File.ReadAllBytes(Path.Combine(TrailTestData.Detonations, detonationFile)))!.AsArray()
            .Select(n => n!.AsObject()).ToList();

    public static byte[] Envelope(IEnumerable<JsonObject> records) =>
        Encoding.UTF8.GetBytes(new JsonObject { ["Records"] = new JsonArray(records.Select(r => (JsonNode)r.DeepClone()).ToArray()) }.ToJsonString());

    public static byte[] BareArray(IEnumerable<JsonObject> records) =>
        Encoding.UTF8.GetBytes(new JsonArray(records.Select(r => (JsonNode)r.DeepClone()).ToArray()).ToJsonString());

    public static byte[] JsonLines(IEnumerable<JsonObject> records) =>
        Encoding.UTF8.GetBytes(string.Concat(records.Select(r => r.ToJsonString() + "\n")));

    public static byte[] Gzip(byte[] data)
    {
        using var buffer = new MemoryStream();
        using (var gzip = new GZipStream(buffer, CompressionLevel.Fastest)) gzip.Write(data);
        return buffer.ToArray();
    }

    public static void Write(string root, string relative, byte[] data)
    {
        var path = Path.Combine(root, relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllBytes(path, data);
    }

    /// <summary>Every detonation file as one archive: the same records in all four shapes, spread over folders.</summary>
    public static int WriteDetonationArchive(string root)
    {
        var total = 0;
        var shape = 0;
        foreach (var file in TrailTestData.DetonationFiles)
        {
            var records = Records(Path.GetFileName(file));
            total += records.Count;
            var name = Path.GetFileNameWithoutExtension(file);
            switch (shape++ % 4)
            {
                case 0: Write(root, $"AWSLogs/1/CloudTrail/us-east-1/{name}.json.gz", Gzip(Envelope(records))); break;
                case 1: Write(root, $"AWSLogs/1/CloudTrail/eu-west-1/{name}.json", BareArray(records)); break;
                case 2: Write(root, $"lines/{name}.jsonl", JsonLines(records)); break;
                default: Write(root, $"lines/{name}.jsonl.gz", Gzip(JsonLines(records))); break;
            }
        }
        return total;
    }
}
