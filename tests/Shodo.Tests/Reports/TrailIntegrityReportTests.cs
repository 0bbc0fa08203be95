using System.Text.Json.Nodes;
using Shodo.Cases;
using Shodo.Reports;
using Shodo.Reports.Escaping;
using Shodo.Trail;
using Shodo.Trail.Digests;

namespace Shodo.Tests.Reports;

/// <summary>
/// The report's evidence section says what the trail's digests established, per archive, with a sentence per log
/// file changed or deleted after delivery — whose name the attacker chose, so it is escaped in every format.
/// </summary>
public sealed class TrailIntegrityReportTests : IDisposable
{
    private const string Hostile = "AWSLogs/111122223333/CloudTrail/us-east-1/2026/11/28/x_<img src=x onerror=alert(1)>|[click](http://evil)\u001b[2J.json.gz";
    private readonly ReportFolder _folder = new();
    public void Dispose() => _folder.Dispose();

    private async Task<string> CaseWithDigests(params TrailDigestOutcome[] outcomes)
    {
        var dir = await LeakedKeyCase.BuildAsync(_folder.Root);
        using var c = Case.Load(dir);
        var coverage = JsonNode.Parse(File.ReadAllBytes(Path.Combine(dir, "coverage.json")))!.AsObject();
        coverage["investigation"] = new JsonObject
        {
            ["complete"] = false, ["records"] = 10, ["gaps"] = new JsonArray(),
            ["digests"] = new JsonArray(outcomes.Select(o => (JsonNode)o.ToJson()).ToArray()),
        };
        await c.Documents.WriteJsonAsync("coverage.json", coverage, "investigate");
        return dir;
    }

    private static TrailDigestOutcome Tampered(string altered, string missing) => new("s3://acme-cloudtrail-logs")
    {
        Report = new TrailDigestReport(4, 4, 9, [missing], [altered], [], [], [])
        {
            LogFilesRead = 10,
            LogFileFindings =
            [
                new TrailLogFileFinding(altered, TrailProblemKinds.LogFileAltered, "digest-1.json.gz"),
                new TrailLogFileFinding(missing, TrailProblemKinds.LogFileMissing, "digest-2.json.gz"),
            ],
        },
    };

    [Fact]
    public async Task Each_changed_or_deleted_log_file_is_a_sentence_escaped_in_markdown_and_html()
    {
        var altered = $"s3://acme-cloudtrail-logs/{Hostile}";
        var missing = "s3://acme-cloudtrail-logs/AWSLogs/111122223333/CloudTrail/us-east-1/2026/11/28/gone.json.gz";
        var dir = await CaseWithDigests(Tampered(altered, missing), new TrailDigestOutcome("/srv/copy"));

        var md = await File.ReadAllTextAsync(await ReportBuilder.WriteAsync(dir, ReportFormat.Markdown, "en"));
        var html = await File.ReadAllTextAsync(await ReportBuilder.WriteAsync(dir, ReportFormat.Html, "en"));
        var ja = await File.ReadAllTextAsync(await ReportBuilder.WriteAsync(dir, ReportFormat.Markdown, "ja"));

        Assert.Contains(MarkdownText.Escape("s3://acme-cloudtrail-logs: digests verified: 4 of 4; log files matching their digest: 9 of 10 read."), md);
        Assert.Contains(MarkdownText.Escape($"The log file {altered} was changed after CloudTrail delivered it"), md);
        Assert.Contains(MarkdownText.Escape($"The log file {missing} is named in digest digest-2.json.gz but is no longer there"), md);
        Assert.Contains(MarkdownText.Escape("/srv/copy: no digest files were found beside the log files"), md);
        Assert.Contains(HtmlText.Escape($"The log file {altered} was changed after CloudTrail delivered it"), html);
        Assert.DoesNotContain("<img", html);
        Assert.DoesNotContain('\u001b', md + html);
        Assert.DoesNotMatch(@"(?<!\\)<img|(?<!\\)\]\(http", md);
        Assert.Contains(MarkdownText.Escape($"ログファイル {missing} はダイジェスト digest-2.json.gz に記載されていますが、存在しません。"), ja);
    }

    [Fact]
    public async Task Digests_that_could_not_be_checked_say_why()
    {
        var dir = await CaseWithDigests(new TrailDigestOutcome("s3://acme-cloudtrail-logs") { NotChecked = "the digest files under s3://acme-cloudtrail-logs/AWSLogs/ could not be listed (AccessDenied)" });

        var md = await File.ReadAllTextAsync(await ReportBuilder.WriteAsync(dir, ReportFormat.Markdown, "en"));

        Assert.Contains(MarkdownText.Escape("s3://acme-cloudtrail-logs: the digest files could not be checked because the digest files under s3://acme-cloudtrail-logs/AWSLogs/ could not be listed (AccessDenied)."), md);
    }
}
