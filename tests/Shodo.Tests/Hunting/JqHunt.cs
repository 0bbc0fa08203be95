using System.Diagnostics;
using System.IO.Compression;
using System.Text.Json;

namespace Shodo.Tests.Hunting;

/// <summary>
/// Runs a compiled jq filter with the real jq binary (<c>/usr/bin/jq</c>, or <c>SHODO_JQ</c>) over trail
/// files: each <c>.json.gz</c> decompressed and fed on standard input, as <c>zcat files | jq -c -f filter</c>.
/// </summary>
public static class JqHunt
{
    public static string Binary => Environment.GetEnvironmentVariable("SHODO_JQ") is { Length: > 0 } jq ? jq : "/usr/bin/jq";

    public static async Task<List<(string RuleId, string EventId)>> RunAsync(string dir, string filter)
    {
        var filterFile = Path.Combine(dir, "hunt.jq");
        await File.WriteAllTextAsync(filterFile, filter);
        var start = new ProcessStartInfo(Binary) { RedirectStandardInput = true, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var arg in new[] { "-c", "-f", filterFile }) start.ArgumentList.Add(arg);
        using var jq = Process.Start(start)!;
        var feed = Task.Run(async () =>
        {
            foreach (var file in Directory.GetFiles(dir, "*.json.gz", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
            {
                await using var gz = new GZipStream(File.OpenRead(file), CompressionMode.Decompress);
                await gz.CopyToAsync(jq.StandardInput.BaseStream);
            }
            jq.StandardInput.Close();
        });
        var errors = jq.StandardError.ReadToEndAsync();
        var pairs = new List<(string, string)>();
        while (await jq.StandardOutput.ReadLineAsync() is { } line)
        {
            using var match = JsonDocument.Parse(line);
            var eventId = match.RootElement.GetProperty("record").TryGetProperty("eventID", out var id) ? id.GetString() ?? "" : "";
            foreach (var rule in match.RootElement.GetProperty("rules").EnumerateArray()) pairs.Add((rule.GetString()!, eventId));
        }
        await feed;
        await jq.WaitForExitAsync();
        Assert.True(jq.ExitCode == 0, $"jq exited with {jq.ExitCode}: {await errors}");
        return pairs;
    }
}
