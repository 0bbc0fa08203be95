using System.Diagnostics;
using Shodo.Diagnostics;
using Shodo.Localization;

namespace Shodo.Reports;

/// <summary>
/// Prints the HTML report to PDF with headless Chromium (Debian's <c>chromium</c>): a throw-away
/// profile, no network (the report's CSP forbids every request anyway), no header or footer.
/// </summary>
public static class ChromiumPrinter
{
    public const string DefaultPath = "/usr/bin/chromium";

    public static string Locate(string? configured) =>
        configured is { Length: > 0 } ? configured
        : Environment.GetEnvironmentVariable("SHODO_CHROMIUM") is { Length: > 0 } env ? env
        : DefaultPath;

    public static async Task<byte[]> PrintAsync(string html, ReportOptions options, CancellationToken ct)
    {
        var chromium = Locate(options.ChromiumPath);
        if (!File.Exists(chromium))
            throw new ShodoException(new Diagnostic(ExitCode.Failure, Messages.Get("ReportNoChromium", chromium)));
        var work = Directory.CreateTempSubdirectory("shodo-pdf-");
        try
        {
            var input = Path.Combine(work.FullName, "report.html");
            var output = Path.Combine(work.FullName, "report.pdf");
            await File.WriteAllTextAsync(input, html, ct).ConfigureAwait(false);
            var start = new ProcessStartInfo(chromium)
            {
                RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false,
            };
            foreach (var arg in new[]
            {
                "--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--no-first-run", "--no-default-browser-check",
                "--disable-extensions", "--disable-background-networking", "--disable-sync", "--metrics-recording-only", "--mute-audio",
                "--user-data-dir=" + Path.Combine(work.FullName, "profile"), "--no-pdf-header-footer",
                "--print-to-pdf=" + output, new Uri(input).AbsoluteUri,
            }) start.ArgumentList.Add(arg);
            using var process = Process.Start(start)!;
            var stderr = process.StandardError.ReadToEndAsync(ct);
            _ = process.StandardOutput.ReadToEndAsync(ct);
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
            timeout.CancelAfter(options.PrintTimeout);
            try { await process.WaitForExitAsync(timeout.Token).ConfigureAwait(false); }
            catch (OperationCanceledException)
            {
                process.Kill(entireProcessTree: true);
                if (ct.IsCancellationRequested) throw;
                throw new ShodoException(new Diagnostic(ExitCode.Failure, Messages.Get("ReportPrintTimedOut", options.PrintTimeout.TotalSeconds)));
            }
            if (process.ExitCode != 0 || !File.Exists(output) || new FileInfo(output).Length == 0)
                throw new ShodoException(new Diagnostic(ExitCode.Failure, Messages.Get("ReportPrintFailed", process.ExitCode,
                    LastLine(await stderr.ConfigureAwait(false)))));
            return await File.ReadAllBytesAsync(output, ct).ConfigureAwait(false);
        }
        finally
        {
            try { work.Delete(recursive: true); } catch (IOException) { }
        }
    }

    private static string LastLine(string text) =>
        text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).LastOrDefault() ?? "";
}
