using System.CommandLine;
using System.Text.Json;
using Shodo.Cases;
using Shodo.Cli.Commands.CaseCommands;
using Shodo.Diagnostics;
using Shodo.Localization;
using Shodo.Reports;
using Shodo.Reports.Escaping;
using Shodo.Reports.Facts;
using Shodo.Reports.Sections;

namespace Shodo.Cli.Commands;

/// <summary>
/// <c>shodo report CASE --format md|html|json|ocsf|timesketch|csv|pdf --lang ja|en [--out PATH]</c>:
/// writes the report into the case (journaled, checked by <c>shodo case verify</c>), prints its path,
/// the current state and the decisions left to a person.
/// </summary>
public sealed class ReportCommand : IShodoCommand
{
    public Command Build(ShodoApp app)
    {
        var caseArg = new Argument<string>("CASE") { Description = "The case folder, or a case id under --case-dir." };
        var format = new Option<string>("--format")
        {
            Description = "md, html (one self-contained file), json, ocsf (Detection Findings), timesketch (JSONL), csv (timeline) or pdf (HTML printed by headless Chromium).",
            DefaultValueFactory = _ => "html",
        };
        format.AcceptOnlyFromAmong([.. ReportFormats.Names, "markdown"]);
        var outPath = new Option<string?>("--out") { Description = "Also write the report to this file (or folder)." };
        var config = new Option<string?>("--config") { Description = "Configuration file with a report: section (timeZone, currency, rate); default ./shodo.yaml." };
        var command = new Command("report",
            "Write the case's report for management, security and legal: what happened, impact, one timeline of the attack and " +
            "the response, containment before/after, decisions that need a person, the evidence with its hashes, what could not be " +
            "seen, and a text for an AWS Support case. Written into the case and journaled.\n\nExamples:\n" +
            "  shodo report cases/2026-11-28T1423Z-k3x9q2 --format html --lang ja\n" +
            "  shodo report cases/2026-11-28T1423Z-k3x9q2 --format pdf --out ~/Desktop/incident.pdf")
        { Arguments = { caseArg }, Options = { format, outPath, config } };
        command.SetAction((parse, ct) => app.Run(parse, ct, async ctx =>
        {
            var folder = CaseFolderPath.Resolve(parse.GetValue(caseArg)!, ctx.Settings);
            var reportFormat = ReportFormats.Parse(parse.GetValue(format)!);
            var language = (ctx.Settings.Lang ?? System.Globalization.CultureInfo.CurrentUICulture.Name).StartsWith("ja", StringComparison.OrdinalIgnoreCase) ? "ja" : "en";
            var options = ReportSettings.Apply(ConfigurationFile.Load(ctx, parse.GetValue(config), escalates: false),
                new ReportOptions { Language = language, Time = ctx.Time, OutPath = parse.GetValue(outPath), ChromiumPath = ctx.Environment.Variable("SHODO_CHROMIUM") });
            string path;
            using (var @case = Case.Load(folder, ctx.CaseOptions))
                path = await ReportBuilder.WriteAsync(@case, reportFormat, language, options, ct);

            var context = new ReportContext(CaseFactsReader.Read(CaseFolder.At(folder), ctx.Time), options);
            if (ctx.Json)
            {
                ctx.Out.WriteLine(JsonSerializer.Serialize(new
                {
                    path, format = reportFormat.ToString().ToLowerInvariant(), language,
                    state = SummarySection.State(context), decisions = Decisions.For(context),
                    journalHead = context.Facts.Verification.JournalHead,
                }));
                return ExitCode.Success;
            }
            ctx.Out.WriteLine(TerminalText.Escape(Messages.Get("ReportWritten", path)));
            ctx.Out.WriteLine(TerminalText.Escape(context.Text["CurrentState"] + ": " + SummarySection.State(context)));
            ctx.Out.WriteLine(TerminalText.Escape(context.Text["DecisionsNeeded"] + ":"));
            foreach (var decision in Decisions.For(context))
                ctx.Out.WriteLine("  - " + TerminalText.Escape(decision));
            return ExitCode.Success;
        }));
        return command;
    }
}
