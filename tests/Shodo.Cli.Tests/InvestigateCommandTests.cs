using System.Text.Json;
using Shodo.Range;

namespace Shodo.Cli.Tests;

/// <summary>The leaked-key-cryptomining scenario played once, collected once, for the investigate command tests.</summary>
public sealed class LeakedKeyRange : IAsyncLifetime
{
    public RangeHost Range { get; private set; } = null!;
    public string Root { get; } = Path.Combine(Path.GetTempPath(), "shodo-cli-tests", Guid.NewGuid().ToString("N"));
    public string CaseId { get; private set; } = null!;

    public Dictionary<string, string?> Responder => new()
    {
        ["AWS_ACCESS_KEY_ID"] = Range.Responder.AccessKeyId, ["AWS_SECRET_ACCESS_KEY"] = Range.Responder.SecretAccessKey,
    };

    public async Task InitializeAsync()
    {
        Range = await RangeHost.StartAsync(new RangeOptions { Port = 0, Scenario = "leaked-key-cryptomining" });
        var open = await CliRun.Invoke(["case", "open", "--case-dir", Root, "--output", "json"]);
        CaseId = JsonDocument.Parse(open.Out).RootElement.GetProperty("id").GetString()!;
        var collect = await CliRun.Invoke(Responder, "collect", CaseId, "--case-dir", Root, "--endpoint-url", Range.Url.ToString(),
            "--region", "us-east-1", "--output", "json");
        Assert.Equal(0, collect.ExitCode);
    }

    public async Task DisposeAsync()
    {
        await Range.DisposeAsync();
        if (Directory.Exists(Root)) Directory.Delete(Root, recursive: true);
    }
}

/// <summary><c>shodo investigate</c> run in process against the range, starting from the leaked key id only.</summary>
public sealed class InvestigateCommandTests(LeakedKeyRange fixture) : IClassFixture<LeakedKeyRange>
{
    private Task<CliRun> Investigate(params string[] extra) => CliRun.Invoke(fixture.Responder,
        ["investigate", fixture.CaseId, "--case-dir", fixture.Root, "--endpoint-url", fixture.Range.Url.ToString(), "--region", "us-east-1",
            "--access-key-id", fixture.Range.GroundTruth!.LeakedAccessKeyId!, .. extra]);

    [Fact]
    public async Task Investigate_prints_one_json_summary_with_the_attackers_identities_findings_and_data()
    {
        var run = await Investigate("--output", "json");

        Assert.Equal(0, run.ExitCode);
        var json = JsonDocument.Parse(run.Out).RootElement;
        Assert.True(json.GetProperty("complete").GetBoolean());
        var truth = fixture.Range.GroundTruth!;
        var identities = json.GetProperty("identities").EnumerateArray().Select(i => i.GetProperty("id").GetString()).ToList();
        foreach (var key in truth.AccessKeyIds) Assert.Contains($"access-key:{key}", identities);
        foreach (var key in truth.SessionAccessKeyIds) Assert.Contains($"session-key:{key}", identities);
        Assert.Contains(json.GetProperty("findings").EnumerateArray(), f => f.GetProperty("severity").GetString() == "high");
        Assert.True(json.GetProperty("cost").GetProperty("burnRatePerHour").GetDecimal() > 0);
        var data = json.GetProperty("dataExposure").EnumerateArray().First();
        Assert.Equal("acme-customer-data", data.GetProperty("name").GetString());
        Assert.Equal("accessed", data.GetProperty("accessed").GetString());
        Assert.Contains("lookup", run.Error); // progress on stderr, stdout is JSON only

        foreach (var file in new[] { "findings.json", "timeline.jsonl", "identities.json", "attacker-resources.json", "impact.json", "coverage.json" })
            Assert.True(File.Exists(Path.Combine(fixture.Root, fixture.CaseId, file)), file);
        var verify = await CliRun.Invoke("case", "verify", fixture.CaseId, "--case-dir", fixture.Root);
        Assert.Equal(0, verify.ExitCode);
    }

    [Fact]
    public async Task Investigate_in_japanese_text_summarises_and_a_missing_source_makes_it_incomplete()
    {
        var missing = Path.Combine(fixture.Root, "no-such-logs");
        var run = await Investigate("--lang", "ja", "--source", "lookup", "--source", missing);

        Assert.Equal(3, run.ExitCode);
        Assert.Contains("攻撃者の ID", run.Out);
        Assert.Contains("不完全", run.Out);
        Assert.Contains("no-such-logs", run.Out);
    }

    [Fact]
    public async Task Investigate_with_a_mistyped_key_investigates_nothing_and_says_the_key_was_not_found()
    {
        var leaked = fixture.Range.GroundTruth!.LeakedAccessKeyId!;
        var typo = leaked[..^1] + (leaked[^1] == 'A' ? 'B' : 'A');
        var journal = Path.Combine(fixture.Root, fixture.CaseId, "journal.jsonl");
        var before = await File.ReadAllTextAsync(journal);

        var run = await CliRun.Invoke(fixture.Responder, "investigate", fixture.CaseId, "--case-dir", fixture.Root,
            "--endpoint-url", fixture.Range.Url.ToString(), "--region", "us-east-1", "--access-key-id", typo, "--lang", "en");

        Assert.True(run.ExitCode == 11, $"exit {run.ExitCode}: {run.Out}\n{run.Error}");
        Assert.Contains($"The access key {typo} was not found in account {fixture.Range.State.AccountId}; nothing was investigated", run.Error);
        Assert.Equal(before, await File.ReadAllTextAsync(journal));
    }

    [Fact]
    public async Task Investigate_with_a_folder_holding_a_planted_file_names_it_and_goes_on()
    {
        var logs = Path.Combine(fixture.Root, "planted-logs");
        Directory.CreateDirectory(logs);
        var planted = Path.Combine(logs, "planted.json.gz");
        File.WriteAllBytes(planted, Shodo.Tests.Archives.HostileTrailFiles.NotUtf8(fixture.Range.State.Clock.Now.AddMinutes(-5)));

        var run = await Investigate("--source", "lookup", "--source", logs, "--output", "json");

        Assert.True(run.ExitCode == 3, $"exit {run.ExitCode}: {run.Out}\n{run.Error}");
        var json = JsonDocument.Parse(run.Out).RootElement;
        Assert.False(json.GetProperty("complete").GetBoolean());
        var coverage = File.ReadAllText(Path.Combine(fixture.Root, fixture.CaseId, "coverage.json"));
        Assert.Contains(planted, coverage);
        Assert.Contains("invalid-text", coverage);
        var truth = fixture.Range.GroundTruth!;
        var identities = json.GetProperty("identities").EnumerateArray().Select(i => i.GetProperty("id").GetString()).ToList();
        foreach (var key in truth.AccessKeyIds) Assert.Contains($"access-key:{key}", identities);
    }

    [Fact]
    public async Task Investigate_without_a_starting_point_is_a_usage_error()
    {
        var run = await CliRun.Invoke(fixture.Responder, "investigate", fixture.CaseId, "--case-dir", fixture.Root,
            "--endpoint-url", fixture.Range.Url.ToString(), "--region", "us-east-1");
        Assert.Equal(2, run.ExitCode);
        Assert.Contains("--access-key-id", run.Error + run.Out);
    }
}
