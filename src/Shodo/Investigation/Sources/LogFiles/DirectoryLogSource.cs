namespace Shodo.Investigation.Sources.LogFiles;

/// <summary>Trail log files under a local folder (*.json.gz, *.json, *.jsonl), every record in the window.</summary>
public sealed class DirectoryLogSource(string directory)
{
    public async Task<SourceResult> ReadAsync(TrailWindow window, CancellationToken ct)
    {
        if (!Directory.Exists(directory))
            return new SourceResult([], [new SourceGap($"file:{directory}", null, "Unreadable", null, "folder not found")]);
        var files = Directory.EnumerateFiles(directory, "*", SearchOption.AllDirectories)
            .Where(f => f.EndsWith(".json.gz", StringComparison.OrdinalIgnoreCase) || f.EndsWith(".json", StringComparison.OrdinalIgnoreCase)
                        || f.EndsWith(".jsonl", StringComparison.OrdinalIgnoreCase))
            .Where(f => !f.Contains("CloudTrail-Digest", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal);
        var results = new List<SourceResult>();
        foreach (var file in files)
        {
            var read = TrailLogDocument.Read(await File.ReadAllBytesAsync(file, ct), "file:" + file);
            results.Add(read with { Records = read.Records.Where(r => window.Contains(r.EventTime)).ToList() });
        }
        return SourceResult.Combine(results);
    }
}
