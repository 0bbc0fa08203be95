using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using DuckDB.NET.Data;
using Shodo.Hunting;
using Shodo.Hunting.Sql;
using Shodo.Sigma;
using Shodo.Trail;
using Shodo.Trail.Archives;

namespace Shodo.Bench.Hunting;

/// <summary>
/// The hunt benchmark (not part of the test suite). Subcommands, each its own process so peak memory is its own:
/// <code>
/// dotnet bench/Shodo.Bench/bin/Release/net10.0/Shodo.Bench.dll trail-generate DIR EVENTS PLANTED
/// … hunt-local DIR [FILES_IN_FLIGHT]     shodo's local engine, all built-in CloudTrail rules
/// … hunt-duckdb DIR                      the same rules compiled to SQL, run by DuckDB over the same files
/// … hunt-jq-filter                       prints the rules compiled to an equivalent jq filter
/// … hunt-jq DIR [EVENTS]                 zcat files | jq -c -f that filter (EVENTS: from events.txt when omitted)
/// … hunt-bench DIR                       runs the three one after the other, one JSON line each
/// </code>
/// </summary>
public static class HuntBenchmark
{
    private static IReadOnlyList<SigmaRule> Rules => HuntRunner.CloudTrailRules(SigmaRuleSet.BuiltIn);

    public static async Task<int> RunAsync(string[] args)
    {
        switch (args[0])
        {
            case "trail-generate":
            {
                var detonations = args.Length > 4 ? args[4] : FindDetonations();
                var clock = Stopwatch.StartNew();
                var result = new TrailArchiveGenerator(args[1], long.Parse(args[2], CultureInfo.InvariantCulture), int.Parse(args[3], CultureInfo.InvariantCulture))
                    .Write(TrailArchiveGenerator.AttackTemplates(detonations));
                await File.WriteAllLinesAsync(Path.Combine(args[1], "planted-event-ids.txt"), result.PlantedEventIds);
                await File.WriteAllTextAsync(Path.Combine(args[1], "events.txt"), result.Events.ToString(CultureInfo.InvariantCulture));
                Console.WriteLine(JsonSerializer.Serialize(new { result.Events, result.Files, planted = result.PlantedEventIds.Count, compressedMB = result.Bytes / 1048576, seconds = clock.Elapsed.TotalSeconds }));
                return 0;
            }
            case "hunt-local":
                return await Local(args[1], args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 2);
            case "hunt-duckdb":
                return DuckDb(args[1]);
            case "hunt-jq-filter":
                Console.Write(JqBenchmark.Filter(Rules));
                return 0;
            case "hunt-jq":
                return await JqBenchmark.RunAsync(args[1], Rules,
                    args.Length > 2 ? long.Parse(args[2], CultureInfo.InvariantCulture) : JqBenchmark.Events(args[1]), Planted(args[1]));
            case "hunt-bench":
                return Bench(args[1]);
        }
        return 2;
    }

    private sealed class Counting : IHuntMatchSink
    {
        public readonly HashSet<string> HighIds = [];
        public long Matches;
        public void Write(HuntMatch match)
        {
            Interlocked.Increment(ref Matches);
            if (match.Rule.Level is SigmaLevel.High or SigmaLevel.Critical && match.EventId is { } id)
                lock (HighIds) HighIds.Add(id);
        }
    }

    private static async Task<int> Local(string dir, int inFlight)
    {
        var sink = new Counting();
        var clock = Stopwatch.StartNew();
        var summary = await new HuntRunner(Rules, new LocalTrailLogStore(dir), new HuntOptions { FilesInFlight = inFlight })
            .RunAsync(sink, new TrailProblemList());
        var seconds = clock.Elapsed.TotalSeconds;
        var planted = Planted(dir);
        Console.WriteLine(JsonSerializer.Serialize(new
        {
            engine = "shodo-local", events = summary.Records, matches = sink.Matches, seconds, eventsPerSecond = summary.Records / seconds,
            peakMB = PeakMemory.Megabytes(), planted = planted.Count, plantedFound = planted.Count(sink.HighIds.Contains),
            highMatches = sink.HighIds.Count, rules = Rules.Count, unreadable = summary.Coverage.UnreadableFiles.Count,
        }));
        return 0;
    }

    private static int DuckDb(string dir)
    {
        var compiled = new SigmaSqlCompiler(SqlDialect.DuckDb).Compile(Rules, "cloudtrail");
        var clock = Stopwatch.StartNew();
        using var connection = new DuckDBConnection("DataSource=:memory:");
        connection.Open();
        using (var create = connection.CreateCommand())
        {
            create.CommandText = DuckDbCloudTrailTable.CreateSql(Path.Combine(dir, "AWSLogs", "**", "*.json.gz"));
            create.ExecuteNonQuery();
        }
        long events;
        using (var count = connection.CreateCommand())
        {
            count.CommandText = "SELECT count(*) FROM cloudtrail";
            events = Convert.ToInt64(count.ExecuteScalar(), CultureInfo.InvariantCulture);
        }
        var countSeconds = clock.Elapsed.TotalSeconds;
        clock.Restart();
        long matches = 0;
        using (var command = connection.CreateCommand())
        {
            command.CommandText = compiled.Query;
            using var reader = command.ExecuteReader();
            while (reader.Read()) matches++;
        }
        var seconds = clock.Elapsed.TotalSeconds;
        Console.WriteLine(JsonSerializer.Serialize(new
        {
            engine = "duckdb-sql", events, matches, seconds, eventsPerSecond = events / seconds, peakMB = PeakMemory.Megabytes(),
            rules = compiled.Compiled.Count, notCompiled = compiled.NotCompiled.Count, countSeconds,
        }));
        return 0;
    }

    private static int Bench(string dir)
    {
        var self = typeof(HuntBenchmark).Assembly.Location;
        var local = Child("dotnet", $"{self} hunt-local {dir} 2");
        Console.WriteLine(local.Trim());
        Console.WriteLine(Child("dotnet", $"{self} hunt-duckdb {dir}").Trim());
        var events = JsonDocument.Parse(local).RootElement.GetProperty("events").GetInt64();
        Console.WriteLine(Child("dotnet", $"{self} hunt-jq {dir} {events}").Trim());
        return 0;
    }

    private static string Child(string file, string arguments)
    {
        using var process = Process.Start(new ProcessStartInfo(file, arguments) { RedirectStandardOutput = true, RedirectStandardError = true })!;
        var error = process.StandardError.ReadToEndAsync();
        var output = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        return output + (process.ExitCode == 0 ? "" : error.Result);
    }

    private static HashSet<string> Planted(string dir)
    {
        var path = Path.Combine(dir, "planted-event-ids.txt");
        return File.Exists(path) ? File.ReadAllLines(path).ToHashSet(StringComparer.Ordinal) : [];
    }

    private static string FindDetonations()
    {
        for (var d = new DirectoryInfo(AppContext.BaseDirectory); d is not null; d = d.Parent)
        {
            var candidate = Path.Combine(d.FullName, "shared", "testdata", "cloudtrail", "stratus-red-team-detonation-logs");
            if (Directory.Exists(candidate)) return candidate;
        }
        throw new DirectoryNotFoundException("shared/testdata/cloudtrail not found; pass its path as the 5th argument");
    }
}
