using Shodo.Reports;
using Xunit.Abstractions;

namespace Shodo.Tests.Reports;

/// <summary>
/// Opens the HTML report in headless Chromium (Debian's <c>chromium</c>, driven by Playwright with
/// ExecutablePath: no browser download) from file://, as a reader opening an e-mail attachment would:
/// no console error, no request but the file itself, the timeline chart drawn, and — with the
/// attacker's hostile names — no script runs and no element is injected. Screenshots are saved next
/// to the test assembly (report-*.png).
/// </summary>
public sealed class BrowserReportTests(ITestOutputHelper output) : IDisposable
{
    private readonly ReportFolder _folder = new();
    public void Dispose() => _folder.Dispose();

    private Task<ReportBrowser.PageRun> Open(string htmlPath, string name) => ReportBrowser.OpenAsync(htmlPath, name, output.WriteLine);

    [Fact]
    public async Task Html_report_opens_offline_from_file_with_no_error_and_draws_the_timeline_chart()
    {
        var dir = await LeakedKeyCase.BuildAsync(_folder.Root);
        var html = await ReportBuilder.WriteAsync(dir, ReportFormat.Html, "en");
        var run = await Open(html, "en");

        Assert.Empty(run.ConsoleErrors);
        Assert.Equal([new Uri(html).AbsoluteUri], run.Requests.Distinct());
        Assert.True(run.Circles >= 30, $"the chart has {run.Circles} event dots");
        Assert.True(run.Lanes >= 5, $"the chart has {run.Lanes} lanes");
        Assert.StartsWith("Incident report", run.Title);
        Assert.True(new FileInfo(run.Screenshot).Length > 10_000);
    }

    [Fact]
    public async Task Japanese_html_report_renders_the_same_way()
    {
        var dir = await LeakedKeyCase.BuildAsync(_folder.Root);
        var html = await ReportBuilder.WriteAsync(dir, ReportFormat.Html, "ja");
        var run = await Open(html, "ja");

        Assert.Empty(run.ConsoleErrors);
        Assert.Equal([new Uri(html).AbsoluteUri], run.Requests.Distinct());
        Assert.True(run.Circles >= 30);
        Assert.StartsWith("インシデント報告書", run.Title);
    }

    [Fact]
    public async Task Hostile_names_and_user_agents_run_no_script_and_inject_no_element()
    {
        var dir = await LeakedKeyCase.BuildAsync(_folder.Root, hostile: true);
        var html = await ReportBuilder.WriteAsync(dir, ReportFormat.Html, "en");
        var run = await Open(html, "hostile");

        Assert.Empty(run.Dialogs);
        Assert.Equal(0, run.Scripts);
        Assert.Equal(0, run.Images);
        Assert.Equal(0, run.InlineHandlers);
        Assert.DoesNotContain("pwned", run.Title);
        Assert.Empty(run.ConsoleErrors);
        Assert.Equal([new Uri(html).AbsoluteUri], run.Requests.Distinct());
        var text = await File.ReadAllTextAsync(html);
        Assert.Contains("aws-support-svc&lt;script&gt;", text);
    }
}
