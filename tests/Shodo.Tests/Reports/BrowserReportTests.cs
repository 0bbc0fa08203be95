using Microsoft.Playwright;
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

    public static string Chromium => Environment.GetEnvironmentVariable("SHODO_CHROMIUM") is { Length: > 0 } p ? p : "/usr/bin/chromium";

    private sealed record PageRun(IReadOnlyList<string> ConsoleErrors, IReadOnlyList<string> Requests, IReadOnlyList<string> Dialogs,
        int Circles, int Lanes, string Title, int Scripts, int Images, int InlineHandlers, string Screenshot);

    private async Task<PageRun> Open(string htmlPath, string name)
    {
        Assert.True(File.Exists(Chromium), $"Debian chromium is required at {Chromium} (apt-get install chromium; .ci/run installs it)");
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = Chromium, Headless = true, Args = ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage"],
        });
        var page = await browser.NewPageAsync(new BrowserNewPageOptions { ViewportSize = new ViewportSize { Width = 1280, Height = 900 } });
        var errors = new List<string>();
        var requests = new List<string>();
        var dialogs = new List<string>();
        page.Console += (_, m) => { if (m.Type is "error" or "warning") errors.Add($"{m.Type}: {m.Text}"); };
        page.PageError += (_, e) => errors.Add("pageerror: " + e);
        page.Request += (_, r) => requests.Add(r.Url);
        page.RequestFailed += (_, r) => errors.Add("requestfailed: " + r.Url);
        page.Dialog += async (_, d) => { dialogs.Add(d.Message); await d.DismissAsync(); };
        var url = new Uri(htmlPath).AbsoluteUri;
        await page.GotoAsync(url, new PageGotoOptions { WaitUntil = WaitUntilState.Load });
        await page.WaitForTimeoutAsync(300);
        var shot = Path.Combine(AppContext.BaseDirectory, $"report-{name}.png");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = shot, FullPage = false });
        output.WriteLine("screenshot: " + shot);
        if (await page.Locator("svg.chart").CountAsync() > 0)
            await page.Locator("svg.chart").ScreenshotAsync(new LocatorScreenshotOptions { Path = Path.Combine(AppContext.BaseDirectory, $"report-{name}-chart.png") });
        var circles = await page.Locator("svg.chart circle").CountAsync();
        var lanes = await page.Locator("svg.chart text.lane-label").CountAsync();
        var handlers = await page.EvaluateAsync<int>(
            "() => [...document.querySelectorAll('*')].filter(e => [...e.attributes].some(a => a.name.startsWith('on'))).length");
        return new PageRun(errors, requests, dialogs, circles, lanes, await page.TitleAsync(),
            await page.Locator("script").CountAsync(), await page.Locator("img").CountAsync(), handlers, shot);
    }

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
