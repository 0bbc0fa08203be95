using Shodo.Diagnostics;
using Shodo.Localization;

namespace Shodo.Reports;

/// <summary>The formats <c>shodo report</c> writes.</summary>
public enum ReportFormat { Markdown, Html, Json, Ocsf, Timesketch, Csv, Pdf }

public static class ReportFormats
{
    public static IReadOnlyList<string> Names { get; } = ["md", "html", "json", "ocsf", "timesketch", "csv", "pdf"];

    public static ReportFormat Parse(string name) => name.ToLowerInvariant() switch
    {
        "md" or "markdown" => ReportFormat.Markdown,
        "html" => ReportFormat.Html,
        "json" => ReportFormat.Json,
        "ocsf" => ReportFormat.Ocsf,
        "timesketch" => ReportFormat.Timesketch,
        "csv" => ReportFormat.Csv,
        "pdf" => ReportFormat.Pdf,
        _ => throw new ShodoException(new Diagnostic(ExitCode.Usage, Messages.Get("ReportUnknownFormat", name, string.Join(", ", Names)))),
    };

    /// <summary>The document's name inside the case: <c>report.en.md</c>, <c>report.ja.html</c>, <c>report.en.ocsf.json</c>, ...</summary>
    public static string FileName(ReportFormat format, string language) => $"report.{language}.{Extension(format)}";

    public static string Extension(ReportFormat format) => format switch
    {
        ReportFormat.Markdown => "md",
        ReportFormat.Html => "html",
        ReportFormat.Json => "json",
        ReportFormat.Ocsf => "ocsf.json",
        ReportFormat.Timesketch => "timesketch.jsonl",
        ReportFormat.Csv => "timeline.csv",
        ReportFormat.Pdf => "pdf",
        _ => throw new ArgumentOutOfRangeException(nameof(format)),
    };
}
