using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using Shodo.Investigation.Detections;
using Shodo.Aws.Connection;
using Shodo.Cli.Output;
using Shodo.Diagnostics;
using Shodo.Hunting;
using Shodo.Localization;
using Shodo.Sigma;
using Shodo.Trail;
using Shodo.Trail.Archives;
using Shodo.Trail.Digests;

namespace Shodo.Cli.Commands;

/// <summary>
/// <c>shodo hunt --rules DIR --logs PATH|s3://bucket/prefix</c>: runs Sigma rules over trail log
/// archives. Matches stream to stdout (or --matches FILE) as JSON Lines or OCSF Detection Findings;
/// progress, problems, the per-rule summary and what the archive's digests established go to stderr (to stdout
/// when --matches is given). Exit 0 when every file was read and none was changed or deleted after delivery, 3 otherwise.
/// </summary>
public sealed class HuntCommand : IShodoCommand
{
    /// <summary>The most log files a local hunt reads at once (each holds a decompression buffer).</summary>
    public const int MaxFilesInFlight = 64;

    public Command Build(ShodoApp app)
    {
        var rules = new Option<string?>("--rules") { Description = "Folder of Sigma rules (e.g. a SigmaHQ checkout); default: Shodo's built-in rules." };
        var logs = new Option<string>("--logs") { Description = "Trail logs: a folder (searched recursively), a file, or s3://bucket/prefix.", Required = true };
        var since = new Option<string?>("--since") { Description = "Only events at or after this time (ISO 8601, e.g. 2026-11-27T00:00Z)." };
        var until = new Option<string?>("--until") { Description = "Only events before this time (ISO 8601)." };
        var engine = new Option<string>("--engine") { Description = "local (stream the logs here) or athena (run the rules as SQL in Amazon Athena).", DefaultValueFactory = _ => "local" };
        engine.AcceptOnlyFromAmong("local", "athena");
        var format = new Option<string>("--format") { Description = "Match format: jsonl (one match per line) or ocsf (OCSF Detection Finding, class 2004).", DefaultValueFactory = _ => "jsonl" };
        format.AcceptOnlyFromAmong("jsonl", "ocsf");
        var matches = new Option<string?>("--matches") { Description = "Write matches to this file instead of stdout." };
        var followLinks = new Option<bool>("--follow-links") { Description = "Follow symbolic links that lead out of the --logs folder (links inside it are always followed, each folder and file read once); without it such a link is named as not read." };
        var inFlight = new Option<int>("--files-in-flight")
        { Description = $"Log files read at once (bounds memory), 1 to {MaxFilesInFlight}.", DefaultValueFactory = _ => Math.Clamp(Environment.ProcessorCount, 2, 8) };
        inFlight.Validators.Add(r =>
        {
            if (r.GetValue(inFlight) is < 1 or > MaxFilesInFlight) r.AddError(Messages.Get("BadFilesInFlight", r.GetValue(inFlight), MaxFilesInFlight));
        });
        var config = new Option<string?>("--config")
        {
            Description = "Configuration file with a sigma: section (placeholders for the expand modifier's %name%); default ./shodo.yaml, then the user's config folder.",
        };
        var athena = new AthenaHuntOptions();

        var command = new Command("hunt",
            "Run Sigma detection rules over CloudTrail log archives (json.gz, json, JSON Lines) from a folder or an S3 prefix, " +
            "locally (streamed, several files at once) or in Amazon Athena. Matches stream out as JSON Lines or OCSF; " +
            "unreadable files are named and the hunt goes on. The digests beside the log files are checked as they are read. " +
            "Exits 0 when every file was read and none was changed or deleted after delivery, 3 otherwise.\n\nExamples:\n" +
            "  shodo hunt --rules sigma/rules/cloud/aws --logs s3://acme-trail/AWSLogs/ --since 2026-11-20T00:00Z\n" +
            "  shodo hunt --logs ./trail-copy --format ocsf --matches findings.ocsf.jsonl\n" +
            "  shodo hunt --engine athena --athena-table cloudtrail_logs --athena-output s3://acme-athena/results/ --logs s3://acme-trail/AWSLogs/\n\n" +
            "An organisation trail's bucket in Athena: --logs names its folder s3://BUCKET[/PREFIX]/AWSLogs/o-ORGID/, and --show-ddl prints " +
            "the CREATE TABLE over it (partition projection over AWSLogs/o-ORGID/ACCOUNT/CloudTrail/REGION/YYYY/MM/DD/); the hunt then " +
            "reads only its window's days and each match names its account:\n" +
            "  shodo hunt --engine athena --athena-table org_trail --logs s3://acme-org-trail/AWSLogs/o-a1b2c3d4e5/ --show-ddl " +
            "--athena-accounts 111122223333,444455556666 --athena-regions us-east-1,ap-northeast-1 --since 2026-09-01T00:00Z\n" +
            "  shodo hunt --engine athena --athena-table org_trail --logs s3://acme-org-trail/AWSLogs/o-a1b2c3d4e5/ --athena-output s3://acme-athena/results/ --since 2026-11-20T00:00Z")
        { Options = { rules, logs, since, until, engine, format, matches, inFlight, followLinks, config } };
        foreach (var option in athena.All) command.Options.Add(option);

        command.SetAction((parse, ct) => app.Run(parse, ct, async ctx =>
        {
            var configuration = ConfigurationFile.Load(ctx, parse.GetValue(config), escalates: false);
            var ruleSet = LoadRules(ctx, parse.GetValue(rules), SigmaConfiguration.LoadOptions(configuration));
            var selected = HuntRunner.CloudTrailRules(ruleSet);
            var window = (Since: Time(parse.GetValue(since), "--since"), Until: Time(parse.GetValue(until), "--until"));
            var matchFile = parse.GetValue(matches);
            await using var fileWriter = matchFile is null ? null : new StreamWriter(matchFile, append: false);
            var matchWriter = (TextWriter?)fileWriter ?? ctx.Out;
            var report = matchFile is null ? ctx.Environment.Error : ctx.Out;
            IHuntMatchSink sink = parse.GetValue(format) == "ocsf" ? new HuntOcsfWriter(matchWriter) : new HuntJsonlWriter(matchWriter);
            var location = parse.GetValue(logs)!;
            report.WriteLine(Terminal.Plain(Messages.Get("HuntStarting", selected.Count, location)));

            if (parse.GetValue(engine) == "athena")
                return await athena.RunAsync(ctx, parse, selected, location, window.Since, window.Until, sink, report, ct);

            using var aws = S3TrailLogStore.ParseUrl(location) is null ? null : await AwsConnection.OpenAsync(WhoamiCommand.ConnectionOptions(ctx), ct);
            // A bucket is read in its own region (S3 redirects a request signed for another).
            var bucketRegion = aws is null ? null : await aws.BucketRegions.RegionOfAsync(S3TrailLogStore.ParseUrl(location)!.Value.Bucket, ct);
            var store = Store(location, aws, bucketRegion, new LocalTrailLogOptions { FollowLinksOutside = parse.GetValue(followLinks) });
            var problems = new ProblemLines(report);
            using var keys = new HuntDigestKeys(ctx, aws);
            var runner = new HuntRunner(selected, store, new HuntOptions
            {
                Since = window.Since, Until = window.Until, FilesInFlight = parse.GetValue(inFlight), DigestKeys = keys,
            });
            HuntSummary summary;
            using (var progress = new HuntProgress(report, ctx.Time))
                summary = await runner.RunAsync(sink, problems, progress, ct);
            await matchWriter.FlushAsync(ct);
            Summarise(ctx, report, summary);
            return summary.Complete ? ExitCode.Success : ExitCode.Incomplete;
        }));
        return command;
    }

    /// <summary>The rules to hunt with: a folder's, loaded with the configuration's placeholders (<c>sigma:</c>), else the built-in ones.</summary>
    private static SigmaRuleSet LoadRules(CommandContext ctx, string? directory, SigmaLoadOptions options)
    {
        if (directory is null) return SigmaRuleSet.BuiltIn;
        if (!Directory.Exists(directory))
            throw new ShodoException(new Diagnostic(ExitCode.Usage, Messages.Get("HuntRulesNotFound", directory)));
        var set = SigmaRuleSet.Load(directory, options);
        foreach (var problem in set.Problems) ctx.Environment.Error.WriteLine(Terminal.Plain(problem.ToString()));
        foreach (var skipped in set.Skipped) ctx.Environment.Error.WriteLine(Terminal.Plain(skipped.ToString()));
        if (set.Rules.Count == 0)
            throw new ShodoException(new Diagnostic(ExitCode.Usage, Messages.Get("HuntNoRules", directory)));
        return set;
    }

    private static ITrailLogStore Store(string location, AwsConnection? aws, string? bucketRegion, LocalTrailLogOptions local)
    {
        if (S3TrailLogStore.ParseUrl(location) is { } s3) return new S3TrailLogStore(aws!.S3(bucketRegion), s3.Bucket, s3.Prefix);
        if (!File.Exists(location) && !Directory.Exists(location))
            throw new ShodoException(new Diagnostic(ExitCode.Usage, Messages.Get("HuntLogsNotFound", location)));
        return new LocalTrailLogStore(location, local);
    }

    internal static DateTimeOffset? Time(string? text, string option)
    {
        if (text is null) return null;
        if (DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var t))
            return t;
        throw new ShodoException(new Diagnostic(ExitCode.Usage, Messages.Get("HuntBadTime", option, text)));
    }

    private static void Summarise(CommandContext ctx, TextWriter report, HuntSummary s)
    {
        if (ctx.Json)
        {
            report.WriteLine(JsonSerializer.Serialize(new
            {
                records = s.Records, recordsInWindow = s.RecordsInWindow, matches = s.Matches,
                files = s.Coverage.LogFiles, unreadableFiles = s.Coverage.UnreadableFiles, problems = s.Problems.Count,
                digests = s.Digests?.ToJson(),
                seconds = Math.Round(s.Duration.TotalSeconds, 2), eventsPerSecond = Math.Round(s.EventsPerSecond),
                rules = s.Rules.Where(r => r.Matches > 0).Select(r => new
                {
                    id = r.Rule.Id, title = r.Rule.Title, level = r.Rule.Level?.ToSigmaText(), matches = r.Matches,
                }),
            }));
            return;
        }
        report.WriteLine(Terminal.Plain(Messages.Get("HuntSummary", s.Records, s.Coverage.LogFiles, s.Matches,
            s.Duration.TotalSeconds.ToString("0.0", CultureInfo.InvariantCulture),
            Math.Round(s.EventsPerSecond).ToString(CultureInfo.InvariantCulture))));
        foreach (var r in s.Rules.Where(r => r.Matches > 0).OrderByDescending(r => r.Rule.FindingSeverity()).ThenByDescending(r => r.Matches))
            report.WriteLine(Terminal.Plain($"  {r.Matches,8}  {r.Rule.Level?.ToSigmaText() ?? "-",-13} {r.Rule.Title}  ({r.Rule.Id})"));
        if (s.Digests is { } digests)
        {
            report.WriteLine(Terminal.Plain(TrailDigestSentences.Summary(digests, CultureInfo.CurrentUICulture)));
            foreach (var finding in TrailDigestSentences.Findings(digests, CultureInfo.CurrentUICulture))
                report.WriteLine(Terminal.Plain("  " + finding));
        }
        if (s.Coverage.UnreadableFiles.Count == 0) return;
        report.WriteLine(Terminal.Plain(Messages.Get("HuntUnreadable", s.Coverage.UnreadableFiles.Count)));
        foreach (var file in s.Coverage.UnreadableFiles) report.WriteLine(Terminal.Plain("  " + file));
    }

    /// <summary>Each problem as one line, as it is found.</summary>
    private sealed class ProblemLines(TextWriter report) : ITrailProblemSink
    {
        private readonly Lock _gate = new();
        public void Report(TrailProblem problem)
        {
            lock (_gate) report.WriteLine(Terminal.Plain(Messages.Get("HuntProblem", problem.ToString())));
        }
    }
}
