using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Shodo.Hunting.Jq;
using Shodo.Sigma;

namespace Shodo.Bench.Hunting;

/// <summary>
/// jq running the built-in rules compiled to an equivalent filter (<see cref="SigmaJqCompiler"/>) over
/// the archive: <c>zcat files | jq -c -f filter</c>, zcat and jq as two processes joined by a pipe.
/// Reports jq's own peak memory (VmHWM read from /proc while it runs; the high-water mark only grows).
/// </summary>
public static class JqBenchmark
{
    public static string Binary => Environment.GetEnvironmentVariable("SHODO_JQ") is { Length: > 0 } jq ? jq : "/usr/bin/jq";

    /// <summary>The compiled filter; rules it cannot express are named on standard error.</summary>
    public static string Filter(IReadOnlyList<SigmaRule> rules) => Compile(rules).Filter;

    private static JqCompilation Compile(IReadOnlyList<SigmaRule> rules)
    {
        var compiled = new SigmaJqCompiler().Compile(rules);
        foreach (var (rule, reason) in compiled.NotCompiled) Console.Error.WriteLine($"not compiled: {rule.Id} {rule.Title}: {reason}");
        return compiled;
    }

    public static async Task<int> RunAsync(string dir, IReadOnlyList<SigmaRule> rules, long? events, HashSet<string> planted)
    {
        var filterFile = Path.Combine(Path.GetTempPath(), $"shodo-hunt-{Environment.ProcessId}.jq");
        var compiled = Compile(rules);
        await File.WriteAllTextAsync(filterFile, compiled.Filter);
        var high = rules.Where(r => r.Level is SigmaLevel.High or SigmaLevel.Critical).Select(r => r.Id).ToHashSet(StringComparer.Ordinal);
        var files = Directory.GetFiles(Path.Combine(dir, "AWSLogs"), "*.json.gz", SearchOption.AllDirectories).Order(StringComparer.Ordinal).ToList();

        var clock = Stopwatch.StartNew();
        var zcatStart = new ProcessStartInfo("zcat") { RedirectStandardOutput = true };
        foreach (var file in files) zcatStart.ArgumentList.Add(file);
        var jqStart = new ProcessStartInfo(Binary) { RedirectStandardInput = true, RedirectStandardOutput = true };
        foreach (var arg in new[] { "-c", "-f", filterFile }) jqStart.ArgumentList.Add(arg);
        using var jq = Process.Start(jqStart)!;
        using var zcat = Process.Start(zcatStart)!;
        var pipe = Task.Run(async () =>
        {
            await zcat.StandardOutput.BaseStream.CopyToAsync(jq.StandardInput.BaseStream);
            jq.StandardInput.Close();
        });
        double peakMB = 0;
        // An exited (zombie) process has no VmHWM line: NaN, which never raises the peak.
        using var watch = new Timer(_ => { var now = PeakMemory.Megabytes(jq.Id); if (now > peakMB) peakMB = now; }, null, 0, 50);

        long matches = 0;
        var highIds = new HashSet<string>(StringComparer.Ordinal);
        while (await jq.StandardOutput.ReadLineAsync() is { } line)
        {
            using var match = JsonDocument.Parse(line);
            var id = match.RootElement.GetProperty("record").TryGetProperty("eventID", out var e) ? e.GetString() : null;
            foreach (var rule in match.RootElement.GetProperty("rules").EnumerateArray())
            {
                matches++;
                if (id is not null && high.Contains(rule.GetString()!)) highIds.Add(id);
            }
        }
        await pipe;
        await jq.WaitForExitAsync();
        var seconds = clock.Elapsed.TotalSeconds;
        await watch.DisposeAsync();
        File.Delete(filterFile);
        Console.WriteLine(JsonSerializer.Serialize(new
        {
            engine = "zcat|jq (compiled filter)", events, matches, seconds, eventsPerSecond = events / seconds, peakMB,
            planted = planted.Count, plantedFound = planted.Count(highIds.Contains), highMatches = highIds.Count,
            rules = compiled.Compiled.Count, notCompiled = compiled.NotCompiled.Count, exitCode = jq.ExitCode,
        }));
        return jq.ExitCode;
    }

    /// <summary>The number of events in the archive when the generator recorded it (<c>events.txt</c>).</summary>
    public static long? Events(string dir)
    {
        var path = Path.Combine(dir, "events.txt");
        return File.Exists(path) ? long.Parse(File.ReadAllText(path).Trim(), CultureInfo.InvariantCulture) : null;
    }
}
