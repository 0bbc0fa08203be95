using System.Text;
using System.Text.Json;
using Shodo.Hunting;
using Shodo.Sigma;
using Shodo.Tests.Archives;
using Shodo.Tests.Cases;
using Shodo.Trail;
using Shodo.Trail.Archives;

namespace Shodo.Tests.Hunting;

public sealed class HuntRunnerTests
{
    private static IReadOnlyList<SigmaRule> Rules => HuntRunner.CloudTrailRules(SigmaRuleSet.BuiltIn);

    /// <summary>What the rules say about every detonation record, evaluated one by one without the archive reader.</summary>
    private static Dictionary<string, long> ExpectedCounts()
    {
        var counts = Rules.ToDictionary(r => r.Id, _ => 0L);
        foreach (var file in TrailTestData.DetonationFiles)
        {
            using var document = JsonDocument.Parse(File.ReadAllBytes(file));
            foreach (var record in document.RootElement.EnumerateArray())
                foreach (var rule in Rules.Where(r => r.Matches(record))) counts[rule.Id]++;
        }
        return counts;
    }

    [Fact]
    public async Task Hunting_the_detonation_archive_in_every_shape_finds_what_each_rule_finds_record_by_record()
    {
        using var dir = new TempFolder();
        var total = ArchiveSamples.WriteDetonationArchive(dir.Path);
        using var output = new StringWriter();

        var summary = await new HuntRunner(Rules, new LocalTrailLogStore(dir.Path), new HuntOptions { FilesInFlight = 3 })
            .RunAsync(new HuntJsonlWriter(output));

        Assert.Equal(total, summary.Records);
        Assert.Equal(ExpectedCounts(), summary.Rules.ToDictionary(r => r.Rule.Id, r => r.Matches));
        Assert.True(summary.Matches > 20, $"{summary.Matches}");
        var lines = output.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(summary.Matches, lines.Length);
        var first = JsonDocument.Parse(lines[0]).RootElement;
        Assert.False(string.IsNullOrEmpty(first.GetProperty("rule").GetProperty("id").GetString()));
        Assert.Equal(first.GetProperty("eventName").GetString(), first.GetProperty("record").GetProperty("eventName").GetString());
        Assert.StartsWith(dir.Path, first.GetProperty("file").GetString());
    }

    [Fact]
    public async Task A_matching_record_nested_deeper_than_json_defaults_is_written_whole()
    {
        using var dir = new TempFolder();
        var stop = ArchiveSamples.Records("aws.defense-evasion.cloudtrail-stop.json")
            .Where(r => (string?)r["eventName"] == "StopLogging").Select(r => r.DeepClone().AsObject()).ToList();
        var depth = 100;
        foreach (var r in stop) r["requestParameters"]!["nested"] = System.Text.Json.Nodes.JsonNode.Parse(new string('[', depth) + new string(']', depth),
            documentOptions: new JsonDocumentOptions { MaxDepth = 1000 });
        ArchiveSamples.Write(dir.Path, "stop.json", Encoding.UTF8.GetBytes(new System.Text.Json.Nodes.JsonObject
        {
            ["Records"] = new System.Text.Json.Nodes.JsonArray(stop.Select(r => (System.Text.Json.Nodes.JsonNode)r).ToArray()),
        }.ToJsonString(new JsonSerializerOptions { MaxDepth = 1000 })));
        using var output = new StringWriter();
        var problems = new TrailProblemList();

        var summary = await new HuntRunner(Rules, new LocalTrailLogStore(dir.Path)).RunAsync(new HuntJsonlWriter(output), problems);

        Assert.Empty(problems.Snapshot());
        Assert.Empty(summary.Coverage.UnreadableFiles);
        var lines = output.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.NotEmpty(lines);
        var record = JsonDocument.Parse(lines[0], new JsonDocumentOptions { MaxDepth = 1000 }).RootElement.GetProperty("record");
        Assert.Equal(JsonValueKind.Array, record.GetProperty("requestParameters").GetProperty("nested").ValueKind);
    }

    [Fact]
    public async Task Ocsf_output_is_one_detection_finding_per_match()
    {
        using var dir = new TempFolder();
        ArchiveSamples.Write(dir.Path, "stop.json.gz", ArchiveSamples.Gzip(ArchiveSamples.Envelope(ArchiveSamples.Records("aws.defense-evasion.cloudtrail-stop.json"))));
        using var output = new StringWriter();

        var summary = await new HuntRunner(Rules, new LocalTrailLogStore(dir.Path)).RunAsync(new HuntOcsfWriter(output));

        var findings = output.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Select(l => JsonDocument.Parse(l).RootElement).ToList();
        Assert.NotEmpty(findings);
        Assert.Equal(summary.Matches, findings.Count);
        Assert.All(findings, f =>
        {
            Assert.Equal(2004, f.GetProperty("class_uid").GetInt32());
            Assert.Equal(200401, f.GetProperty("type_uid").GetInt32());
            Assert.Equal("StopLogging", f.GetProperty("api").GetProperty("operation").GetString());
            Assert.Equal("86.245.153.234", f.GetProperty("src_endpoint").GetProperty("ip").GetString());
            Assert.InRange(f.GetProperty("severity_id").GetInt32(), 1, 5);
        });
        Assert.Contains(findings, f => f.GetProperty("finding_info").GetProperty("attacks").GetArrayLength() > 0);
    }

    [Fact]
    public async Task A_broken_file_is_named_in_the_summary_and_the_hunt_goes_on()
    {
        using var dir = new TempFolder();
        var records = ArchiveSamples.Records("aws.defense-evasion.cloudtrail-stop.json");
        var whole = ArchiveSamples.Gzip(ArchiveSamples.Envelope(records));
        ArchiveSamples.Write(dir.Path, "a.json.gz", whole);
        ArchiveSamples.Write(dir.Path, "b.json.gz", whole[..^12]);

        var summary = await new HuntRunner(Rules, new LocalTrailLogStore(dir.Path)).RunAsync(new HuntJsonlWriter(TextWriter.Null));

        Assert.True(summary.Matches > 0);
        Assert.Equal([Path.Combine(dir.Path, "b.json.gz")], summary.Coverage.UnreadableFiles);
        Assert.Contains(summary.Problems, p => p.File.EndsWith("b.json.gz", StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_time_window_keeps_only_records_inside_it()
    {
        using var dir = new TempFolder();
        ArchiveSamples.WriteDetonationArchive(dir.Path);
        var since = new DateTimeOffset(2024, 7, 31, 13, 0, 0, TimeSpan.Zero);
        var until = since.AddHours(1);

        var summary = await new HuntRunner(Rules, new LocalTrailLogStore(dir.Path), new HuntOptions { Since = since, Until = until })
            .RunAsync(new HuntJsonlWriter(TextWriter.Null));

        var expected = TrailTestData.DetonationFiles.SelectMany(f => JsonDocument.Parse(File.ReadAllBytes(f)).RootElement.EnumerateArray()
            .Select(r => DateTimeOffset.Parse(r.GetProperty("eventTime").GetString()!))).Count(t => t >= since && t < until);
        Assert.Equal(expected, summary.RecordsInWindow);
        Assert.True(summary.RecordsInWindow < summary.Records);
    }
}
