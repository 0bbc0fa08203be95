using Microsoft.Playwright;

namespace Shodo.Tests.Reports;

/// <summary>
/// Opens a report in headless Debian chromium through Playwright (ExecutablePath: Playwright's own
/// browser download is never used) and records what a reader's browser did: console errors,
/// requests, dialogs, the chart's elements; saves a screenshot next to the test assembly.
/// </summary>
public static class ReportBrowser
{
    public static string Chromium => Environment.GetEnvironmentVariable("SHODO_CHROMIUM") is { Length: > 0 } p ? p : "/usr/bin/chromium";

    public sealed record PageRun(IReadOnlyList<string> ConsoleErrors, IReadOnlyList<string> Requests, IReadOnlyList<string> Dialogs,
        int Circles, int Lanes, string Title, int Scripts, int Images, int InlineHandlers, string Screenshot);

    public static async Task<PageRun> OpenAsync(string htmlPath, string name, Action<string> log)
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
        log("screenshot: " + shot);
        if (await page.Locator("svg.chart").CountAsync() > 0)
            await page.Locator("svg.chart").ScreenshotAsync(new LocatorScreenshotOptions { Path = Path.Combine(AppContext.BaseDirectory, $"report-{name}-chart.png") });
        var circles = await page.Locator("svg.chart circle").CountAsync();
        var lanes = await page.Locator("svg.chart text.lane-label").CountAsync();
        var handlers = await page.EvaluateAsync<int>(
            "() => [...document.querySelectorAll('*')].filter(e => [...e.attributes].some(a => a.name.startsWith('on'))).length");
        return new PageRun(errors, requests, dialogs, circles, lanes, await page.TitleAsync(),
            await page.Locator("script").CountAsync(), await page.Locator("img").CountAsync(), handlers, shot);
    }
}
