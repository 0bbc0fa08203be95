using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Amazon.Runtime;
using Shodo.Aws.Connection;
using Shodo.Aws.Resilience;
using Shodo.Aws.Safety;
using Shodo.Cases;
using Shodo.Evidence;
using Shodo.Investigation;
using Shodo.Range;
using Shodo.Reports;
using Xunit.Abstractions;

namespace Shodo.Tests.Reports;

/// <summary>
/// The report of a case collected from the range running leaked-key-cryptomining: real evidence,
/// coverage, and the real investigation's documents (timeline, identities, resources, findings,
/// impact), opened in headless Chromium.
/// </summary>
public sealed class RangeReportTests(ITestOutputHelper output) : IAsyncLifetime
{
    private RangeHost _range = null!;
    private readonly ReportFolder _folder = new();

    public async Task InitializeAsync() =>
        _range = await RangeHost.StartAsync(new RangeOptions { Port = 0, Scenario = "leaked-key-cryptomining" });

    public async Task DisposeAsync()
    {
        await _range.DisposeAsync();
        _folder.Dispose();
    }

    [Fact]
    public async Task Report_of_a_range_collected_case_lists_its_evidence_and_events_and_opens_cleanly()
    {
        var (dir, events) = await InvestigatedCaseAsync();
        Assert.True(events > 10, $"{events} events of the leaked key");

        var html = await ReportBuilder.WriteAsync(dir, ReportFormat.Html, "en");
        var text = await File.ReadAllTextAsync(html);
        var evidence = CaseFactsIndex(dir);
        Assert.True(evidence.Count > 20);
        Assert.All(evidence.Take(20), sha => Assert.Contains(sha, text));
        Assert.Contains("RunInstances", text);
        Assert.Contains("kali", text);
        Assert.Contains("aws-support-svc", text);       // the backdoor user, from identities.json
        Assert.Contains("acme-customer-data", text);    // the personal-data bucket, from impact.json
        Assert.Contains("444455556666", text);          // the snapshot's outside account
        Assert.True(CaseVerifier.Verify(dir).Intact);

        var run = await ReportBrowser.OpenAsync(html, "range", output.WriteLine);
        Assert.Empty(run.ConsoleErrors);
        Assert.Equal([new Uri(html).AbsoluteUri], run.Requests.Distinct());
        Assert.True(run.Circles >= events, $"{run.Circles} dots for {events} events");
    }

    /// <summary>
    /// The sentences an investigation writes (why an identity is the attacker's, how we know whether
    /// data was read, what a finding means) are kept in both languages: a case investigated in English
    /// reads in Japanese in the Japanese report, and in English in the English one.
    /// </summary>
    [Fact]
    public async Task A_case_investigated_in_English_reads_in_Japanese_in_the_Japanese_report()
    {
        CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo("en-US");
        var (dir, _) = await InvestigatedCaseAsync();

        var ja = await File.ReadAllTextAsync(await ReportBuilder.WriteAsync(dir, ReportFormat.Markdown, "ja"));
        var en = await File.ReadAllTextAsync(await ReportBuilder.WriteAsync(dir, ReportFormat.Markdown, "en"));

        Assert.Contains("攻撃者が aws-support-svc に作成したアクセスキー。", ja);
        Assert.Contains("Access key the attacker created for aws-support-svc.", en);
        Assert.Contains("データベース内のクエリは CloudTrail に記録されません。", ja);
        Assert.Contains("Queries inside the database are not recorded by CloudTrail", en);
        Assert.Contains("攻撃者はこのデータベーススナップショットを外部アカウント 444455556666 と共有しました。", ja);
        Assert.Contains("暗号資産の採掘を行う典型的な兆候です。", ja);           // a built-in rule's x-shodo summary
        Assert.Contains("でサーバーを起動しました。気付かれにくい場所です。", ja);   // an analytic's summary
        foreach (var english in new[] { "Access key the attacker created", "Queries inside the database", "The attacker started servers", "the usual sign of someone mining" })
            Assert.DoesNotContain(english, ja);
    }

    private async Task<(string Directory, int Events)> InvestigatedCaseAsync()
    {
        using var aws = await AwsConnection.OpenAsync(new AwsConnectionOptions
        {
            Credentials = new BasicAWSCredentials(_range.Responder.AccessKeyId, _range.Responder.SecretAccessKey),
            Region = "us-east-1", EndpointUrl = _range.Url, RefusalSink = NoRefusalSink.Instance,
            Retry = new AwsRetryOptions
            {
                MaxAttempts = 10, BaseDelay = TimeSpan.FromMilliseconds(200), MaxDelay = TimeSpan.FromSeconds(2),
                AttemptTimeout = TimeSpan.FromSeconds(30), TotalTimeout = TimeSpan.FromSeconds(120), ConnectTimeout = TimeSpan.FromSeconds(10),
            },
        });
        using var c = Case.Open(_folder.Root, new CaseOptions { AccountId = "111122223333", Title = "range drill" });
        await new CollectionRunner(aws, c).RunAsync();
        await new InvestigationRunner(aws, c, new InvestigationOptions { AccessKeyId = _range.Leaked!.AccessKeyId }).RunAsync();
        return (c.Directory, File.ReadLines(Path.Combine(c.Directory, "timeline.jsonl")).Count());
    }

    private static List<string> CaseFactsIndex(string dir) =>
        File.ReadLines(Path.Combine(dir, "evidence", "index.jsonl")).Select(l => (string)JsonNode.Parse(l)!["sha256"]!).ToList();
}
