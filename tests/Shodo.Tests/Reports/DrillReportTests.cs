using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Shodo.Cases;
using Shodo.Investigation.Model;
using Shodo.Reports;
using Shodo.Tests.Response;

namespace Shodo.Tests.Reports;

/// <summary>
/// The report of a real response to the leaked-key-cryptomining scenario: the one-time Spot instances are shown
/// isolated but running and their hourly cost as still spent, what was stopped as avoided, the account as partly
/// contained; and in Japanese every sentence Shodo writes is Japanese (rule titles written by others may stay).
/// </summary>
public sealed partial class DrillReportTests(CryptominingResponse response) : IClassFixture<CryptominingResponse>
{
    [Fact]
    public async Task The_report_states_what_containment_left_running_and_what_it_still_costs()
    {
        var md = Encoding.UTF8.GetString(await ReportBuilder.RenderAsync(CaseFolder.At(response.CaseDirectory), ReportFormat.Markdown, new ReportOptions { Language = "en" }));
        var json = JsonNode.Parse(await ReportBuilder.RenderAsync(CaseFolder.At(response.CaseDirectory), ReportFormat.Json, new ReportOptions { Language = "en" }))!;
        var now = json["currentState"]!;
        var instances = now["instances"]!.AsArray();
        var isolated = instances.Where(i => (string?)i!["status"] == "isolated-running").ToList();
        var stopped = instances.Where(i => (string?)i!["status"] == "stopped").ToList();
        Assert.NotEmpty(isolated);
        Assert.NotEmpty(stopped);
        Assert.Equal(stopped.Sum(i => (decimal?)i!["pricePerHour"] ?? 0), (decimal)now["perHourAvoided"]!);
        Assert.Equal(isolated.Sum(i => (decimal?)i!["pricePerHour"] ?? 0), (decimal)now["perHourStillBilling"]!);
        Assert.True((decimal)now["perHourAvoided"]! > 0);
        Assert.Equal("partly-contained", (string?)now["verdict"]);
        Assert.False((bool)json["summary"]!["contained"]!);
        Assert.DoesNotContain("nothing of the attacker's is still active", md);
        Assert.Contains($"{(string?)isolated[0]!["instanceId"]} (isolated, still running and billing)", md);
        Assert.Contains($"{(string?)stopped[0]!["instanceId"]} (stopped)", md);
    }

    [Fact]
    public async Task Every_sentence_of_the_japanese_report_is_japanese()
    {
        var html = Encoding.UTF8.GetString(await ReportBuilder.RenderAsync(CaseFolder.At(response.CaseDirectory), ReportFormat.Html, new ReportOptions { Language = "ja" }));
        // written by others: the rules' titles, and the names the organisation gave its escalation targets
        var ruleTitles = InvestigationFiles.ReadFindings(CaseFolder.At(response.CaseDirectory)).Select(f => f.Title)
            .Concat(JournalReader.Read(CaseFolder.At(response.CaseDirectory)).Where(e => e.Kind == "escalation.sent").Select(e => (string?)e.Data["target"] ?? ""))
            .Where(x => x.Length > 0).Distinct().OrderByDescending(x => x.Length).ToList();
        var body = Regex.Replace(html, "<(style|script|title)[^>]*>.*?</\\1>", "", RegexOptions.Singleline);
        var english = TextNode().Matches(body).Select(m => WebUtility.HtmlDecode(m.Groups[1].Value))
            .Select(t => ruleTitles.Aggregate(t, (text, title) => text.Replace(title, "", StringComparison.Ordinal)))
            .Where(t => EnglishSentence().IsMatch(t)).Distinct().ToList();
        Assert.True(english.Count == 0, "English in the Japanese report:\n" + string.Join("\n", english.Take(40)));
    }

    [GeneratedRegex(">([^<]+)<")]
    private static partial Regex TextNode();

    /// <summary>Four English words in a row (ids, ARNs, user agents and operation names are not words separated by spaces).</summary>
    [GeneratedRegex(@"\b[A-Za-z][a-z]+(?:,? [A-Za-z]?[a-z]+\b){3,}")]
    private static partial Regex EnglishSentence();
}
