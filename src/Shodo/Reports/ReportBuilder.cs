using System.Text;
using System.Text.Json;
using Shodo.Cases;
using Shodo.Reports.Document;
using Shodo.Reports.Facts;
using Shodo.Reports.Machine;
using Shodo.Reports.Renderers;

namespace Shodo.Reports;

/// <summary>
/// Writes a report of a case into the case (<c>report.LANG.EXT</c>, journaled as
/// <c>document.written</c> with producer <c>report</c>) and answers its path. Used by
/// <c>shodo report</c> and in process by <c>respond</c> and <c>drill</c>.
/// </summary>
public static class ReportBuilder
{
    public const string Producer = "report";

    /// <summary>Reports on an open case (the caller holds its lock).</summary>
    public static async Task<string> WriteAsync(Case @case, ReportFormat format, string language, ReportOptions? options = null,
        CancellationToken ct = default)
    {
        options = (options ?? new ReportOptions()) with { Language = Normalise(language) };
        var bytes = await RenderAsync(@case.Folder, format, options, ct).ConfigureAwait(false);
        var name = ReportFormats.FileName(format, options.Language);
        var record = await @case.Documents.WriteAsync(name, bytes, Producer, ct).ConfigureAwait(false);
        var path = CaseFileNames.Full(@case.Directory, record.Path);
        if (options.OutPath is { } outPath)
        {
            var target = Directory.Exists(outPath) ? Path.Combine(outPath, name) : outPath;
            var folder = Path.GetDirectoryName(Path.GetFullPath(target));
            if (folder is not null) Directory.CreateDirectory(folder);
            await File.WriteAllBytesAsync(target, bytes, ct).ConfigureAwait(false);
            return Path.GetFullPath(target);
        }
        return path;
    }

    /// <summary>Reports on a case folder: takes the case's lock for the write, then releases it.</summary>
    public static async Task<string> WriteAsync(string caseDirectory, ReportFormat format, string language, ReportOptions? options = null,
        CancellationToken ct = default)
    {
        using var @case = Case.Load(caseDirectory, new CaseOptions { Time = options?.Time ?? TimeProvider.System });
        return await WriteAsync(@case, format, language, options, ct).ConfigureAwait(false);
    }

    /// <summary>The report's bytes, without writing anything (and without the case's lock).</summary>
    public static async Task<byte[]> RenderAsync(CaseFolder folder, ReportFormat format, ReportOptions options, CancellationToken ct = default)
    {
        var context = new ReportContext(CaseFactsReader.Read(folder, options.Time), options);
        return format switch
        {
            ReportFormat.Markdown => Utf8(MarkdownReport.Render(ReportComposer.Compose(context))),
            ReportFormat.Html => Utf8(Html(context)),
            ReportFormat.Pdf => await ChromiumPrinter.PrintAsync(Html(context), options, ct).ConfigureAwait(false),
            ReportFormat.Json => Utf8(JsonReport.Build(context).ToJsonString(MachineJson.Indented) + "\n"),
            ReportFormat.Ocsf => Utf8(OcsfFindings.Build(context).ToJsonString(MachineJson.Indented) + "\n"),
            ReportFormat.Timesketch => Utf8(TimesketchTimeline.Render(context)),
            ReportFormat.Csv => Utf8(CsvTimeline.Render(context)),
            _ => throw new ArgumentOutOfRangeException(nameof(format)),
        };
    }

    private static string Html(ReportContext context) =>
        HtmlReport.Render(ReportComposer.Compose(context), $"Shodo {CaseManifest.CurrentShodoVersion}");

    private static byte[] Utf8(string text) => Encoding.UTF8.GetBytes(text);

    private static string Normalise(string language) => Localization.LocalText.LanguageOf(Localization.LocalText.CultureOf(language));
}
