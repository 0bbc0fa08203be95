using System.Text;
using System.Text.RegularExpressions;
using Shodo.Configuration;
using Shodo.Diagnostics;
using Shodo.Cases;
using Shodo.Reports;

namespace Shodo.Tests.Reports;

/// <summary>What the Markdown and HTML reports say about the leaked-key case, in English and Japanese.</summary>
public sealed class ReportContentTests : IDisposable
{
    private readonly ReportFolder _folder = new();
    private string _headBefore = "";
    public void Dispose() => _folder.Dispose();

    private async Task<(string Dir, string Text)> Write(ReportFormat format, string lang, ReportOptions? options = null)
    {
        var dir = await LeakedKeyCase.BuildAsync(_folder.Root);
        _headBefore = CaseVerifier.Verify(dir).JournalHead;
        var path = await ReportBuilder.WriteAsync(dir, format, lang, options);
        return (dir, await File.ReadAllTextAsync(path));
    }

    [Fact]
    public async Task Markdown_report_states_what_happened_when_and_what_is_left()
    {
        var (dir, md) = await Write(ReportFormat.Markdown, "en");
        File.WriteAllText("/tmp/report.en.md", md);
        Assert.Contains("# Incident report: AWS account 111122223333", md);
        Assert.Contains(LeakedKeyCase.LeakedKey, md);
        Assert.Contains("2026-11-28 01:32:00 UTC", md); // began
        Assert.Contains("2026-11-28 04:52:00 UTC", md); // detected = case opened
        Assert.Contains("ops-sato", md); // acknowledged by
        Assert.Contains("acme-customer-data", md);
        Assert.Contains("444455556666", md);
        Assert.Contains("waiting for approval", md);
        Assert.Contains("needs a decision", md);
        Assert.Contains("shodo case verify", md);
        Assert.Contains(_headBefore, md);
        Assert.True(CaseVerifier.Verify(dir).Intact);
    }

    /// <summary>A lower-case ASCII word of two letters or more: English (acronyms such as AWS, SHA-256, UTC, JST are allowed).</summary>
    private static readonly Regex EnglishWord = new("[A-Za-z]*[a-z][A-Za-z]*");

    private static IEnumerable<string> EnglishIn(string label) =>
        EnglishWord.Matches(label).Select(m => m.Value).Where(w => w.Length >= 2);

    [Fact]
    public async Task Japanese_markdown_has_no_english_in_headings_and_labels_and_times_in_jst()
    {
        var (_, md) = await Write(ReportFormat.Markdown, "ja");
        var lines = md.Split('\n');
        var labels = new List<string>();
        for (var i = 0; i < lines.Length; i++)
        {
            if (lines[i].StartsWith('#')) labels.Add(lines[i].TrimStart('#', ' '));
            if (i + 1 < lines.Length && lines[i + 1].StartsWith("| ---")) labels.AddRange(lines[i].Split('|', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries));
            foreach (Match m in Regex.Matches(lines[i], @"\*\*([^*]+)\*\*: ")) labels.Add(m.Groups[1].Value);
        }
        // the first column of the two-column fact tables (summary, cost, evidence) is labels too
        for (var i = 0; i + 1 < lines.Length; i++)
            if (lines[i + 1] == "| --- | --- |")
                labels.AddRange(lines.Skip(i + 2).TakeWhile(l => l.StartsWith('|')).Select(l => l.Split('|')[1].Trim()));
        Assert.True(labels.Count > 60, $"{labels.Count} labels found");
        var english = labels.SelectMany(l => EnglishIn(l).Select(w => $"{w} (in '{l}')")).Distinct().ToList();
        Assert.True(english.Count == 0, "English in Japanese labels: " + string.Join("; ", english));
        Assert.Contains("# インシデント報告書", md);
        Assert.Contains("2026-11-28 10:32:00 JST", md); // attack began 01:32 UTC
        Assert.Contains("2026-11-28 13:52:00 JST", md); // detected
        Assert.DoesNotContain(" UTC |", md);
    }

    [Fact]
    public async Task Japanese_html_has_no_english_in_headings_labels_or_chart_axis()
    {
        var (_, html) = await Write(ReportFormat.Html, "ja");
        var labels = Regex.Matches(html, "<(h1|h2|h3|th)(?:\\s[^>]*)?>(.*?)</\\1>|<span class=\"label\">(.*?)</span>|<a href=\"#[a-z-]+\">(.*?)</a>|<text class=\"(?:axis|lane-label resp)\"[^>]*>(.*?)</text>")
            .Select(m => System.Net.WebUtility.HtmlDecode(m.Groups[2].Value + m.Groups[3].Value + m.Groups[4].Value + m.Groups[5].Value))
            .Select(l => Regex.Replace(l, "<title>.*?</title>", "")).Where(l => l.Length > 0).ToList();
        Assert.True(labels.Count > 60, $"{labels.Count} labels found");
        var english = labels.SelectMany(l => EnglishIn(l).Select(w => $"{w} (in '{l}')")).Distinct().ToList();
        Assert.True(english.Count == 0, "English in Japanese labels: " + string.Join("; ", english));
        Assert.Contains("<html lang=\"ja\">", html);
        Assert.Contains("<title>インシデント報告書: AWS アカウント 111122223333</title>", html);
    }

    [Fact]
    public async Task Japanese_csv_headers_are_japanese()
    {
        var (_, csv) = await Write(ReportFormat.Csv, "ja");
        var header = CsvReader.Parse(csv.TrimStart('\uFEFF'))[0];
        Assert.Equal("日時（JST）", header[0]);
        Assert.Empty(header.SelectMany(EnglishIn));
    }

    [Fact]
    public async Task Configured_time_zone_and_yen_rate_are_used_for_an_english_report()
    {
        var config = ShodoConfiguration.Parse("shodo.yaml", "report:\n  timeZone: Asia/Tokyo\n  currency: JPY\n  rate: 150\n");
        var options = ReportSettings.Apply(config, new ReportOptions());
        var (_, md) = await Write(ReportFormat.Markdown, "en", options);
        Assert.Contains("2026-11-28 10:32:00 JST", md);
        Assert.Contains("¥4,734 (US$31.56)", md); // 31.56 USD at 150 JPY per USD
        Assert.Contains("150 JPY per US dollar", md);
    }

    [Theory]
    [InlineData("report:\n  timeZone: Mars/Olympus\n", "shodo.yaml:2")]
    [InlineData("report:\n  currency: yen\n", "shodo.yaml:2")]
    [InlineData("report:\n  rate: -3\n", "shodo.yaml:2")]
    [InlineData("report:\n  timezone: UTC\n", "shodo.yaml:2")]
    [InlineData("report: JST\n", "shodo.yaml:1")]
    public void A_wrong_report_section_names_the_file_and_line(string yaml, string where)
    {
        var config = ShodoConfiguration.Parse("shodo.yaml", yaml);
        var e = Assert.Throws<ShodoException>(() => ReportSettings.Apply(config, new ReportOptions()));
        Assert.Equal(ExitCode.Usage, e.Diagnostic.Code);
        Assert.Contains(where, e.Diagnostic.Summary);
    }

    [Fact]
    public async Task The_report_is_a_journaled_case_document_and_the_case_still_verifies()
    {
        var dir = await LeakedKeyCase.BuildAsync(_folder.Root);
        var path = await ReportBuilder.WriteAsync(dir, ReportFormat.Html, "ja");
        Assert.Equal(Path.Combine(dir, "report.ja.html"), path);
        var last = Shodo.Cases.JournalEntry.FromJson(System.Text.Json.Nodes.JsonNode.Parse(File.ReadLines(Path.Combine(dir, "journal.jsonl")).Last())!.AsObject());
        Assert.Equal("document.written", last.Kind);
        Assert.Equal("report.ja.html", (string?)last.Data["path"]);
        Assert.Equal("report", (string?)last.Data["producer"]);
        Assert.Equal(ContentHash.Sha256(File.ReadAllBytes(path)), (string?)last.Data["sha256"]);
        var verification = CaseVerifier.Verify(dir);
        Assert.True(verification.Intact);

        File.AppendAllText(path, "<!-- edited -->");
        Assert.False(CaseVerifier.Verify(dir).Intact);
    }

    [Fact]
    public async Task A_case_with_nothing_but_its_opening_still_reports_and_says_what_is_missing()
    {
        string dir;
        using (var c = Case.Open(_folder.Root, new CaseOptions { AccountId = "111122223333" })) dir = c.Directory;
        var md = Encoding.UTF8.GetString(await ReportBuilder.RenderAsync(CaseFolder.At(dir), ReportFormat.Markdown, new ReportOptions()));
        Assert.Contains("Not contained: no containment action has been taken", md);
        Assert.Contains("Nobody has been told yet", md);
        Assert.Contains("impact.json is missing", md);
        Assert.Contains("timeline.jsonl is missing or could not be read", md);
        foreach (var format in Enum.GetValues<ReportFormat>().Where(f => f != ReportFormat.Pdf))
            Assert.NotEmpty(await ReportBuilder.RenderAsync(CaseFolder.At(dir), format, new ReportOptions { Language = "ja" }));
    }

    [Fact]
    public async Task A_document_in_a_shape_this_version_cannot_read_is_reported_as_missing_not_fatal()
    {
        var dir = await LeakedKeyCase.BuildAsync(_folder.Root);
        using (var c = Case.Load(dir))
            await c.Documents.WriteJsonAsync("impact.json", new System.Text.Json.Nodes.JsonObject { ["format"] = "shodo-impact/9", ["cost"] = "lots" }, "investigate");
        var md = Encoding.UTF8.GetString(await ReportBuilder.RenderAsync(CaseFolder.At(dir), ReportFormat.Markdown, new ReportOptions()));
        Assert.Contains("impact.json is missing or could not be read", md);
        Assert.Contains("aws-support-svc", md);
    }
}
