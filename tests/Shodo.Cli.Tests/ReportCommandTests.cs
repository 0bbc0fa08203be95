using System.Text.Json.Nodes;
using Shodo.Cases;
using Shodo.Diagnostics;
using Shodo.Tests.Reports;

namespace Shodo.Cli.Tests;

/// <summary><c>shodo report</c> run in process on the leaked-key case (and its hostile variant).</summary>
public sealed class ReportCommandTests : IDisposable
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), "shodo-cli-report-" + Guid.NewGuid().ToString("n")[..12]);

    public void Dispose()
    {
        if (Directory.Exists(_root)) Directory.Delete(_root, recursive: true);
    }

    [Fact]
    public async Task Report_writes_into_the_case_and_prints_the_path_state_and_decisions()
    {
        var dir = await LeakedKeyCase.BuildAsync(_root);
        var run = await CliRun.Invoke("report", dir, "--format", "md", "--lang", "en");
        Assert.Equal(0, run.ExitCode);
        var path = Path.Combine(dir, "report.en.md");
        Assert.True(File.Exists(path));
        Assert.Contains(path, run.Out);
        Assert.Contains("Not contained", run.Out);
        Assert.Contains("AWS Support", run.Out);
        Assert.True(CaseVerifier.Verify(dir).Intact);
    }

    [Fact]
    public async Task Report_by_case_id_in_json_and_japanese_with_out_copy()
    {
        var dir = await LeakedKeyCase.BuildAsync(_root);
        var copy = Path.Combine(_root, "handover", "incident.html");
        var run = await CliRun.Invoke("report", Path.GetFileName(dir), "--case-dir", _root, "--lang", "ja", "--out", copy, "--output", "json");
        Assert.Equal(0, run.ExitCode);
        var json = JsonNode.Parse(run.Out)!;
        Assert.Equal(copy, (string?)json["path"]);
        Assert.Equal("ja", (string?)json["language"]);
        Assert.True(File.Exists(Path.Combine(dir, "report.ja.html")));
        Assert.Equal(File.ReadAllBytes(Path.Combine(dir, "report.ja.html")), File.ReadAllBytes(copy));
        Assert.Contains("未封じ込め", (string?)json["state"]);
    }

    [Fact]
    public async Task Report_reads_the_report_section_of_the_configuration()
    {
        var dir = await LeakedKeyCase.BuildAsync(_root);
        var config = Path.Combine(_root, "shodo.yaml");
        File.WriteAllText(config, "report:\n  timeZone: Asia/Tokyo\n  currency: JPY\n  rate: 150\n");
        var run = await CliRun.Invoke("report", dir, "--format", "md", "--lang", "en", "--config", config);
        Assert.Equal(0, run.ExitCode);
        var md = File.ReadAllText(Path.Combine(dir, "report.en.md"));
        Assert.Contains("10:32:00 JST", md);
        Assert.Contains("¥4,734", md);

        File.WriteAllText(config, "report:\n  rate: lots\n");
        var bad = await CliRun.Invoke("report", dir, "--format", "md", "--lang", "en", "--config", config);
        Assert.Equal((int)ExitCode.Usage, bad.ExitCode);
        Assert.Contains("shodo.yaml:2", bad.Error);
    }

    [Fact]
    public async Task Terminal_output_carries_no_escape_sequence_from_aws()
    {
        var dir = await LeakedKeyCase.BuildAsync(_root, hostile: true);
        var run = await CliRun.Invoke("report", dir, "--format", "csv", "--lang", "en");
        Assert.Equal(0, run.ExitCode);
        Assert.Contains("aws-support-svc<script>", run.Out); // shown as text: a terminal does not interpret HTML
        Assert.Contains("\\u001b[31mRED\\u001b[0m\\u001b]8;;http://evil.example\\u0007link", run.Out); // the instance's Name tag, made visible
        Assert.DoesNotContain(run.Out, c => char.IsControl(c) && c is not '\n' and not '\r');
        Assert.DoesNotContain('\u001b', run.Error);
    }

    [Fact]
    public async Task Unknown_format_is_a_usage_error()
    {
        var dir = await LeakedKeyCase.BuildAsync(_root);
        var run = await CliRun.Invoke("report", dir, "--format", "docx", "--lang", "en");
        Assert.Equal((int)ExitCode.Usage, run.ExitCode);
    }
}
