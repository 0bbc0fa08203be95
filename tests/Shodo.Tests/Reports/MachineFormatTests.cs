using System.Globalization;
using System.Text.Json.Nodes;
using Shodo.Cases;
using Shodo.Reports;

namespace Shodo.Tests.Reports;

/// <summary>OCSF Detection Findings, Timesketch JSONL, the CSV timeline, the JSON report and the PDF.</summary>
public sealed class MachineFormatTests : IDisposable
{
    private readonly ReportFolder _folder = new();
    public void Dispose() => _folder.Dispose();

    private async Task<(string Dir, string Path)> Write(ReportFormat format, string lang = "en")
    {
        var dir = await LeakedKeyCase.BuildAsync(_folder.Root);
        return (dir, await ReportBuilder.WriteAsync(dir, format, lang));
    }

    [Fact]
    public async Task Ocsf_has_one_detection_finding_per_finding_with_the_required_attributes()
    {
        var (dir, path) = await Write(ReportFormat.Ocsf);
        var findings = JsonNode.Parse(await File.ReadAllTextAsync(path))!.AsArray();
        Assert.Equal(4, findings.Count);
        foreach (var f in findings.Select(n => n!.AsObject()))
        {
            foreach (var required in new[] { "activity_id", "category_uid", "class_uid", "finding_info", "metadata", "severity_id", "time", "type_uid" })
                Assert.True(f.ContainsKey(required), $"missing {required}");
            Assert.Equal(2004, (int)f["class_uid"]!);
            Assert.Equal(2, (int)f["category_uid"]!);
            Assert.Equal(1, (int)f["activity_id"]!);
            Assert.Equal(200401, (int)f["type_uid"]!);
            Assert.InRange((int)f["severity_id"]!, 1, 5);
            Assert.True((long)f["time"]! > 1_700_000_000_000, "time is epoch milliseconds");
            Assert.False(string.IsNullOrEmpty((string?)f["finding_info"]!["uid"]));
            Assert.False(string.IsNullOrEmpty((string?)f["finding_info"]!["title"]));
            Assert.Equal("Shodo", (string?)f["metadata"]!["product"]!["name"]);
            Assert.False(string.IsNullOrEmpty((string?)f["metadata"]!["version"]));
            Assert.Equal("New", (string?)f["status"]);
            Assert.Equal(LeakedKeyCase.Account, (string?)f["cloud"]!["account"]!["uid"]);
        }
        var mining = findings.Single(f => (string?)f!["finding_info"]!["uid"] == "aws-ec2-mining-burst-81c2")!;
        Assert.Equal(5, (int)mining["severity_id"]!);
        Assert.Equal("T1496", (string?)mining["finding_info"]!["attacks"]![0]!["technique"]!["uid"]);
        Assert.Equal(2, mining["resources"]!.AsArray().Count);
        Assert.True(CaseVerifier.Verify(dir).Intact);
    }

    [Fact]
    public async Task Timesketch_lines_carry_message_datetime_and_timestamp_desc()
    {
        var (_, path) = await Write(ReportFormat.Timesketch);
        var lines = (await File.ReadAllLinesAsync(path)).Where(l => l.Length > 0).ToList();
        Assert.True(lines.Count > 40);
        foreach (var line in lines)
        {
            var o = JsonNode.Parse(line)!.AsObject();
            Assert.False(string.IsNullOrEmpty((string?)o["message"]));
            Assert.False(string.IsNullOrEmpty((string?)o["timestamp_desc"]));
            Assert.True(DateTimeOffset.TryParse((string?)o["datetime"], CultureInfo.InvariantCulture, DateTimeStyles.None, out _));
            Assert.EndsWith("Z", (string?)o["datetime"]);
        }
        var run = lines.Select(l => JsonNode.Parse(l)!).First(o => (string?)o["event_name"] == "RunInstances");
        Assert.Equal("2026-11-28T01:58:00.000Z", (string?)run["datetime"]);
        Assert.Equal(LeakedKeyCase.AttackerIp, (string?)run["source_ip"]);
        Assert.Contains(lines, l => l.Contains("\"journal_kind\":\"escalation.acknowledged\""));
    }

    [Fact]
    public async Task Csv_timeline_has_a_row_per_event_and_response_step()
    {
        var (_, path) = await Write(ReportFormat.Csv);
        var text = await File.ReadAllTextAsync(path);
        var rows = CsvReader.Parse(text.TrimStart('\uFEFF'));
        Assert.Equal("Time (UTC)", rows[0][1]);
        Assert.Contains(rows, r => r[1] == "2026-11-28T01:47:00.000Z" && r[6] == "StopLogging" && r[10] == "AccessDenied");
        Assert.Contains(rows, r => r[6] == "containment.verified");
        Assert.True(rows.Skip(1).Select(r => r[1]).SequenceEqual(rows.Skip(1).Select(r => r[1]).Order(StringComparer.Ordinal)), "in time order");
    }

    [Fact]
    public async Task Json_report_holds_the_same_facts()
    {
        var (_, path) = await Write(ReportFormat.Json, "ja");
        var json = JsonNode.Parse(await File.ReadAllTextAsync(path))!;
        Assert.Equal("shodo-report/1", (string?)json["format"]);
        Assert.Equal("2026-11-28T01:32:00.000Z", (string?)json["summary"]!["began"]);
        Assert.Equal("ops-sato", (string?)json["summary"]!["acknowledged"]!["by"]);
        Assert.False((bool)json["summary"]!["contained"]!);
        Assert.Equal(7, json["summary"]!["decisions"]!.AsArray().Count);
        Assert.Equal(10, json["containment"]!["actions"]!.AsArray().Count);
        Assert.Equal(4, json["evidence"]!["files"]!.AsArray().Count);
        Assert.Matches("^[0-9a-f]{64}$", (string?)json["evidence"]!["journalHead"]);
        Assert.Contains("444455556666", (string?)json["awsSupportCase"]);
        Assert.Equal("acme-customer-data", (string?)json["impact"]!["dataExposure"]![0]!["name"]);
    }

    [Fact]
    public async Task Pdf_is_printed_by_headless_chromium_and_journaled()
    {
        var (dir, path) = await Write(ReportFormat.Pdf, "ja");
        Assert.EndsWith("report.ja.pdf", path);
        var bytes = await File.ReadAllBytesAsync(path);
        Assert.Equal("%PDF-"u8.ToArray(), bytes[..5]);
        Assert.True(bytes.Length > 20_000, $"PDF of {bytes.Length} bytes");
        File.Copy(path, Path.Combine(AppContext.BaseDirectory, "report-ja.pdf"), overwrite: true); // for a person to look at
        var last = File.ReadLines(Path.Combine(dir, "journal.jsonl")).Last();
        Assert.Contains("\"kind\":\"document.written\"", last);
        Assert.Contains("\"producer\":\"report\"", last);
        Assert.True(CaseVerifier.Verify(dir).Intact);
    }
}
