using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Shodo.Cases;
using Shodo.Containment.Record;
using Shodo.Investigation.Model;
using Shodo.Reports;
using Shodo.Reports.Document;
using Shodo.Reports.Facts;
using Shodo.Reports.Renderers;
using Shodo.Reports.Sections;

namespace Shodo.Tests.Reports;

/// <summary>
/// A key policy the attacker opened to another account is named among the doors to the data, in English and Japanese: which
/// key, to whom, since when, and the decision (here: no containment action planned); a hostile key id (as the request named
/// a key that was not collected) stays inert in Markdown and HTML.
/// </summary>
public sealed class KmsKeyPolicyReportTests
{
    private const string Key = "0c6e3f8a-5b2d-4e71-9a4f-7d2b1c8e6f30";
    private static readonly DateTimeOffset Opened = new(2026, 11, 28, 2, 41, 0, TimeSpan.Zero);

    private static ReportContext Context(string lang, string key = Key) =>
        new(new CaseFacts
        {
            CaseDirectory = "/nonexistent", GeneratedAt = Opened.AddHours(1), Journal = [],
            Manifest = new CaseManifest("case-1", null, "111122223333", Opened, new Actor("responder", "host"), "0.0.0"),
            Verification = new CaseVerification([], 0, 0, 0, ""),
            Containment = new ContainmentFacts([], null, null, null),
            Resources =
            [
                new AttackerResource
                {
                    Id = $"{ResourceTypes.OpenedKeyPolicy}:ap-northeast-1:{key}", Type = ResourceTypes.OpenedKeyPolicy, Region = "ap-northeast-1",
                    ResourceId = key, State = "opened", CreatedBy = "access-key:AKIAEXAMPLELEAKED0001", CreatedAt = Opened,
                    Attributes = new JsonObject { ["keyId"] = key, ["sharedWith"] = new JsonArray("444455556666"), ["openNow"] = true },
                },
            ],
        }, new ReportOptions { Language = lang });

    [Theory]
    [InlineData("en", "2026-11-28 02:41:00 UTC", "not closed: no containment action was planned for it")]
    [InlineData("ja", "2026-11-28 11:41:00 JST", "未閉鎖: 封じ込めの計画に含まれていません")]
    public void The_key_is_named_with_whom_it_lets_in_since_when_and_the_decision(string lang, string since, string decision)
    {
        var row = Assert.Single(Assert.Single(DataDoorsBlock.Build(Context(lang)).OfType<Table>()).Rows);
        Assert.Equal((Key, ResourceTypes.OpenedKeyPolicy, "ap-northeast-1", "444455556666", since),
            (row[0], row[1], row[2], row[3], row[4]));
        Assert.Equal(decision, row[5]);
    }

    [Fact]
    public void A_hostile_key_id_stays_text_in_markdown_and_html()
    {
        var context = Context("en", "<script>alert(1)</script>|[x](http://evil.example)");
        var doc = new ReportDocument("en", "t", [], [new ReportSection("doors", "Doors", DataDoorsBlock.Build(context).ToList())]);

        var md = MarkdownReport.Render(doc);
        var html = HtmlReport.Render(doc, "test");

        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("&lt;script&gt;", html);
        Assert.DoesNotMatch(new Regex(@"(?<!\\)<script"), md);
        Assert.DoesNotMatch(new Regex(@"(?<!\\)\]\("), md);
        var row = md.Split('\n').Single(l => l.Contains("opened-key-policy", StringComparison.Ordinal));
        var header = md.Split('\n').First(l => l.StartsWith('|'));
        Assert.Equal(Regex.Matches(header, @"(?<!\\)\|").Count, Regex.Matches(row, @"(?<!\\)\|").Count);
    }
}
