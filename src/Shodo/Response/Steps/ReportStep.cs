using Shodo.Reports;

namespace Shodo.Response.Steps;

/// <summary>
/// Writes the hand-over: the report as HTML (self-contained, for people), Markdown (for tickets) and
/// JSON (for programs), in the response's language, into the case.
/// </summary>
public sealed class ReportStep : IResponseStep
{
    public static readonly IReadOnlyList<ReportFormat> Formats = [ReportFormat.Html, ReportFormat.Markdown, ReportFormat.Json];

    public string Name => "report";

    public async Task<StepResult> RunAsync(ResponseSession session, CancellationToken ct) =>
        StepResult.Done((await WriteAsync(session, Name, ct).ConfigureAwait(false))[0]);

    /// <summary>Writes the report in every format of <see cref="Formats"/> and notes each path; triage uses it too.</summary>
    public static async Task<IReadOnlyList<string>> WriteAsync(ResponseSession session, string step, CancellationToken ct)
    {
        var language = session.Request.Language.StartsWith("ja", StringComparison.OrdinalIgnoreCase) ? "ja" : "en";
        var options = ReportSettings.Apply(session.Configuration, new ReportOptions { Time = session.Time });
        var paths = new List<string>();
        foreach (var format in Formats)
            paths.Add(await ReportBuilder.WriteAsync(session.Case, format, language, options, ct).ConfigureAwait(false));
        foreach (var path in paths) session.Progress.Note(step, path);
        return paths;
    }
}
