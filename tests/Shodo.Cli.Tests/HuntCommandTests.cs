using System.IO.Compression;
using System.Text.Json;

namespace Shodo.Cli.Tests;

/// <summary><c>shodo hunt</c> over the shared detonation records, as a user runs it.</summary>
public sealed class HuntCommandTests : IDisposable
{
    private readonly string _dir = Path.Combine(Path.GetTempPath(), "shodo-hunt-" + Guid.NewGuid().ToString("n")[..10]);

    private static string Detonations() => Shodo.Tests.Archives.TrailTestData.Detonations;

    public HuntCommandTests() => Directory.CreateDirectory(_dir);

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Theory]
    [InlineData("0")]
    [InlineData("-3")]
    [InlineData("100000")]
    public async Task Files_in_flight_outside_1_to_64_is_a_usage_error(string value)
    {
        var run = await CliRun.Invoke("hunt", "--logs", Detonations(), "--files-in-flight", value, "--lang", "en");

        Assert.Equal(2, run.ExitCode);
        Assert.Contains($"--files-in-flight {value} is not usable", run.Error);
        Assert.Empty(run.Out);
    }

    [Fact]
    public async Task Matches_stream_to_stdout_as_json_lines_and_the_summary_to_stderr()
    {
        var run = await CliRun.Invoke("hunt", "--logs", Detonations());

        Assert.Equal(0, run.ExitCode);
        var matches = run.Out.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonDocument.Parse(l).RootElement).ToList();
        Assert.True(matches.Count > 20, run.Error);
        Assert.Contains(matches, m => m.GetProperty("eventName").GetString() == "StopLogging");
        Assert.Contains(" matches", run.Error);
    }

    [Fact]
    public async Task A_broken_file_is_named_exit_3_and_ocsf_goes_to_the_matches_file()
    {
        var stop = File.ReadAllBytes(Path.Combine(Detonations(), "aws.defense-evasion.cloudtrail-stop.json"));
        File.WriteAllBytes(Path.Combine(_dir, "stop.json"), stop);
        using (var gz = new GZipStream(File.Create(Path.Combine(_dir, "cut.json.gz")), CompressionLevel.Fastest)) gz.Write(stop.AsSpan(0, stop.Length / 2));
        var output = Path.Combine(_dir, "findings.ocsf.jsonl");

        var run = await CliRun.Invoke("hunt", "--logs", _dir, "--format", "ocsf", "--matches", output);

        Assert.Equal(3, run.ExitCode);
        Assert.Contains("cut.json.gz", run.Out);
        var findings = File.ReadAllLines(output).Select(l => JsonDocument.Parse(l).RootElement).ToList();
        Assert.NotEmpty(findings);
        Assert.All(findings, f => Assert.Equal(2004, f.GetProperty("class_uid").GetInt32()));
    }

    [Fact]
    public async Task A_planted_file_whose_text_is_not_utf8_is_named_exit_3_and_the_rest_is_hunted()
    {
        File.Copy(Path.Combine(Detonations(), "aws.defense-evasion.cloudtrail-stop.json"), Path.Combine(_dir, "stop.json"));
        var planted = Shodo.Tests.Archives.HostileTrailFiles.NotUtf8(DateTimeOffset.Parse("2026-12-06T16:00:00Z"));
        File.WriteAllBytes(Path.Combine(_dir, "planted.json.gz"), planted);

        var run = await CliRun.Invoke("hunt", "--logs", _dir);

        Assert.True(run.ExitCode == 3, $"exit {run.ExitCode}: {run.Error}");
        Assert.Contains("planted.json.gz record 0: the record is not valid UTF-8", run.Error);
        Assert.Contains(run.Out.Split('\n', StringSplitOptions.RemoveEmptyEntries), l => l.Contains("\"StopLogging\""));
    }

    [Fact]
    public async Task Links_back_up_and_round_a_loop_end_each_event_counted_once_and_the_way_out_named()
    {
        var logs = Path.Combine(_dir, "logs");
        Directory.CreateDirectory(Path.Combine(logs, "d"));
        File.Copy(Path.Combine(Detonations(), "aws.defense-evasion.cloudtrail-stop.json"), Path.Combine(logs, "d", "stop.json"));
        File.Copy(Path.Combine(Detonations(), "aws.defense-evasion.cloudtrail-stop.json"), Path.Combine(_dir, "beside.json"));
        File.CreateSymbolicLink(Path.Combine(logs, "up"), "..");
        File.CreateSymbolicLink(Path.Combine(logs, "d", "self"), "../d");
        var expected = JsonDocument.Parse(File.ReadAllBytes(Path.Combine(logs, "d", "stop.json"))).RootElement.GetArrayLength();

        var inside = await CliRun.Invoke("hunt", "--logs", logs, "--output", "json");
        var followed = await CliRun.Invoke("hunt", "--logs", logs, "--output", "json", "--follow-links");

        Assert.True(inside.ExitCode == 3, $"exit {inside.ExitCode}: {inside.Error}");
        var summary = JsonDocument.Parse(inside.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries)[^1]).RootElement;
        Assert.Equal(expected, summary.GetProperty("records").GetInt32());
        Assert.Equal([Path.Combine(logs, "up")], summary.GetProperty("unreadableFiles").EnumerateArray().Select(f => f.GetString()));
        Assert.Contains("outside", inside.Error);
        Assert.True(followed.ExitCode == 0, $"exit {followed.ExitCode}: {followed.Error}");
        var all = JsonDocument.Parse(followed.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries)[^1]).RootElement;
        Assert.Equal(2 * expected, all.GetProperty("records").GetInt32());
    }

    [Fact]
    public async Task Athena_engine_shows_the_compiled_sql()
    {
        var run = await CliRun.Invoke("hunt", "--logs", "s3://trail/AWSLogs/", "--engine", "athena", "--athena-table", "cloudtrail_logs", "--show-sql");

        Assert.Equal(0, run.ExitCode);
        Assert.StartsWith("SELECT m.rule_id", run.Out);
        Assert.Contains("FROM cloudtrail_logs", run.Out);
    }

    [Fact]
    public async Task Athena_engine_over_an_organisation_trails_folder_shows_its_create_table_and_a_query_naming_the_account()
    {
        const string logs = "s3://acme-org-trail/AWSLogs/o-a1b2c3d4e5/";
        var ddl = await CliRun.Invoke("hunt", "--logs", logs, "--engine", "athena", "--athena-table", "org_trail", "--show-ddl",
            "--athena-accounts", "111122223333,444455556666", "--athena-regions", "us-east-1", "--since", "2026-09-01T00:00Z");
        var sql = await CliRun.Invoke("hunt", "--logs", logs, "--engine", "athena", "--athena-table", "org_trail", "--show-sql", "--since", "2026-11-20T00:00Z");
        var missing = await CliRun.Invoke("hunt", "--logs", "s3://acme-trail/AWSLogs/", "--engine", "athena", "--athena-table", "org_trail", "--show-ddl",
            "--athena-accounts", "111122223333", "--athena-regions", "us-east-1");

        Assert.Equal(0, ddl.ExitCode);
        Assert.StartsWith("CREATE EXTERNAL TABLE org_trail (", ddl.Out);
        Assert.Contains("'storage.location.template'='s3://acme-org-trail/AWSLogs/o-a1b2c3d4e5/${account}/CloudTrail/${region}/${timestamp}'", ddl.Out);
        Assert.Contains("'projection.timestamp.range'='2026/09/01,NOW'", ddl.Out);
        Assert.Equal(0, sql.ExitCode);
        Assert.Contains("principalarn, account\nFROM org_trail", sql.Out);
        Assert.Contains("\"timestamp\" >= '2026/11/20'", sql.Out);
        Assert.Equal(2, missing.ExitCode); // not an organisation trail's folder: one sentence saying what to pass
        Assert.Contains("--show-ddl needs --logs naming an organisation trail's folder", missing.Error);
    }

    [Fact]
    public async Task A_rule_with_expand_takes_its_placeholders_values_from_the_sigma_section_of_the_configuration()
    {
        var rules = Path.Combine(_dir, "rules");
        Directory.CreateDirectory(rules);
        File.WriteAllText(Path.Combine(rules, "watched-calls.yml"), """
            title: A call the configuration watches
            id: 0b6f2d3e-7a41-4c55-9e0e-3f1c2a9d8b71
            logsource: {product: aws, service: cloudtrail}
            detection:
              selection:
                eventName|expand: '%watched_calls%'
              condition: selection
            level: high
            """);
        var config = Path.Combine(_dir, "shodo.yaml");
        File.WriteAllText(config, "sigma:\n  placeholders:\n    watched_calls: [DeleteTrail, StopLogging]\n");
        var logs = Path.Combine(_dir, "logs");
        Directory.CreateDirectory(logs);
        File.Copy(Path.Combine(Detonations(), "aws.defense-evasion.cloudtrail-stop.json"), Path.Combine(logs, "stop.json"));

        var configured = await CliRun.Invoke("hunt", "--rules", rules, "--logs", logs, "--config", config, "--lang", "en");
        var unconfigured = await CliRun.Invoke("hunt", "--rules", rules, "--logs", logs, "--config", Path.Combine(_dir, "missing.yaml"), "--lang", "en");
        File.WriteAllText(config, "sigma:\n  placeholders:\n    other: [StopLogging]\n");
        var withoutTheName = await CliRun.Invoke("hunt", "--rules", rules, "--logs", logs, "--config", config, "--lang", "en");

        Assert.True(configured.ExitCode == 0, $"exit {configured.ExitCode}: {configured.Error}");
        var matches = configured.Out.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonDocument.Parse(l).RootElement).ToList();
        Assert.NotEmpty(matches);
        Assert.All(matches, m => Assert.Equal("StopLogging", m.GetProperty("eventName").GetString()));
        Assert.Equal(2, unconfigured.ExitCode);
        Assert.Contains("missing.yaml", unconfigured.Error);
        Assert.Equal(2, withoutTheName.ExitCode);
        Assert.Contains("sigma.placeholders.watched_calls", withoutTheName.Error);
        Assert.Empty(withoutTheName.Out);
    }

    [Fact]
    public async Task A_bad_time_is_a_usage_error()
    {
        var run = await CliRun.Invoke("hunt", "--logs", _dir, "--since", "yesterday-ish");
        Assert.Equal(2, run.ExitCode);
        Assert.Contains("--since", run.Error);
    }
}
