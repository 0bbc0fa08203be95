using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using Shodo.Aws.Connection;
using Shodo.Aws.Safety;
using Shodo.Cases;
using Shodo.Cli.Commands.CaseCommands;
using Shodo.Cli.Output;
using Shodo.Diagnostics;
using Shodo.Investigation;
using Shodo.Investigation.Identities;
using Shodo.Investigation.Model;
using Shodo.Localization;
using Spectre.Console;

namespace Shodo.Cli.Commands;

/// <summary>
/// <c>shodo investigate CASE --access-key-id AKIA...</c>: establishes what the attacker did from the
/// collected state and the event sources (LookupEvents in every region, the trails' log files) and
/// writes findings.json, timeline.jsonl, identities.json, attacker-resources.json, impact.json and
/// coverage.json into the case. Exit 0 when every source was read, 3 (Incomplete) when some had gaps.
/// </summary>
public sealed class InvestigateCommand : IShodoCommand
{
    public Command Build(ShodoApp app)
    {
        var caseArg = new Argument<string>("CASE") { Description = "The case folder, or a case id under --case-dir (run shodo collect first)." };
        var key = new Option<string?>("--access-key-id") { Description = "The leaked access key id (AKIA...). It is never used to call AWS." }.Validated();
        var user = new Option<string?>("--user-name") { Description = "Start from an IAM user's keys instead of one key." };
        var since = new Option<string?>("--since") { Description = "Start of the window: ISO 8601 time, or an age such as 7d or 36h." };
        var until = new Option<string?>("--until") { Description = "End of the window: ISO 8601 time, or an age such as 1h." };
        var source = new Option<string[]>("--source")
        {
            Description = "Event source: lookup, a folder of trail log files, or s3://bucket/prefix; repeatable. " +
                          "Default: LookupEvents plus the log files of every collected trail that delivers to S3.",
            Arity = ArgumentArity.ZeroOrMore,
        };
        var command = new Command("investigate",
            "Establish the facts: the attacker's identities (followed from the leaked key to every credential they minted), " +
            "their timeline, detections, the resources they created, what it costs and which data they could reach and did. " +
            "Exits 0 when every source was read, 3 when some could not be.\n\nExample:\n" +
            "  shodo investigate cases/2026-11-28T1423Z-k3x9q2 --access-key-id AKIAIOSFODNN7EXAMPLE --profile incident-response")
        { Arguments = { caseArg }, Options = { key, user, since, until, source } };
        command.SetAction((parse, ct) => app.Run(parse, ct, async ctx =>
        {
            var folder = CaseFolderPath.Resolve(parse.GetValue(caseArg)!, ctx.Settings);
            using var @case = Case.Load(folder, ctx.CaseOptions);
            var now = ctx.Time.GetUtcNow();
            var options = new InvestigationOptions
            {
                AccessKeyId = parse.GetValue(key), UserName = parse.GetValue(user),
                Since = TimeArgument.Parse(parse.GetValue(since), now), Until = TimeArgument.Parse(parse.GetValue(until), now),
                Sources = parse.GetValue(source) ?? [], Time = ctx.Time,
            };
            if (options.AccessKeyId is null && options.UserName is null)
                throw new ShodoException(new Diagnostic(ExitCode.Usage, Messages.Get("InvestigateNoStartingPoint")));
            using var aws = await AwsConnection.OpenAsync(
                WhoamiCommand.ConnectionOptions(ctx) with { RefusalSink = new JournalRefusalSink(@case.Journal) }, ct);
            var me = await aws.WhoAmIAsync(ct);
            @case.BindCaller(me.Account, me.Arn);
            if (options.AccessKeyId is { } given)
                await LeakedKeyCheckFlow.CheckAsync(aws, given, me.Account, LeakedKeyCheckFlow.Sentences.Investigate,
                    m => { if (!ctx.Json) ctx.Console.Profile.Out.Writer.WriteLine(Terminal.Plain(m)); }, ct);
            if (!ctx.Json)
                ctx.Console.Profile.Out.Writer.WriteLine(Terminal.Plain(Messages.Get("InvestigateStarting",
                    options.AccessKeyId ?? options.UserName!, me.Account, me.Arn, @case.Manifest.Id)));

            var runner = new InvestigationRunner(aws, @case, options);
            InvestigationResult result;
            if (ctx.Environment.IsInteractive && !ctx.Json)
            {
                result = null!;
                await ctx.Console.Status().StartAsync(Markup.Escape(Messages.Get("InvestigateStep", "resolve", "")), async status =>
                    result = await runner.RunAsync(new StatusProgress(status), ct));
            }
            else result = await runner.RunAsync(new LineProgress(ctx.Console), ct);
            Report(ctx, @case, result);
            return result.Complete ? ExitCode.Success : ExitCode.Incomplete;
        }));
        return command;
    }

    private static void Report(CommandContext ctx, Case @case, InvestigationResult result)
    {
        var related = result.Identities.Count(i => i.Confidence == Confidence.Related);
        if (ctx.Json)
        {
            ctx.Out.WriteLine(JsonSerializer.Serialize(new
            {
                @case = @case.Manifest.Id, path = @case.Directory, complete = result.Complete, account = result.AccountId,
                owner = result.OwnerUserName, compromiseStart = result.CompromiseStart, recordsRead = result.RecordsRead,
                timelineEvents = result.TimelineEvents,
                identities = result.Identities.Select(i => new { id = i.Id, confidence = i.Confidence.ToString().ToLowerInvariant() }),
                resources = result.Resources.Count,
                findings = result.Findings.Select(f => new { id = f.Id, severity = f.Severity.ToString().ToLowerInvariant(), title = f.Title }),
                cost = new { totalSoFar = result.Impact.Cost.TotalSoFar, burnRatePerHour = result.Impact.Cost.BurnRatePerHour,
                    currency = result.Impact.Cost.Currency, unknownTypes = result.Impact.Cost.UnknownTypes },
                dataExposure = result.Impact.DataExposure.Select(d => new
                {
                    kind = d.Kind, name = d.Name, personalData = d.PersonalData, accessed = d.Accessed.ToString().ToLowerInvariant(),
                    unknowable = d.Unknowable,
                }),
                gaps = result.Gaps.Select(g => new { source = g.Source, region = g.Region, kind = g.Kind, code = g.Code, message = g.Message }),
            }));
            return;
        }
        var o = ctx.Out;
        o.WriteLine(Terminal.Plain(Messages.Get("InvestigateSummary", result.Identities.Count, related, result.Resources.Count,
            result.Findings.Count, result.TimelineEvents, result.RecordsRead,
            result.CompromiseStart?.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss'Z'", CultureInfo.InvariantCulture) ?? "-")));
        if (result.CompromiseStart is null) o.WriteLine(Messages.Get("InvestigateNoCompromise"));
        foreach (var f in result.Findings.Where(f => f.Severity >= Severity.Medium))
            o.WriteLine(Terminal.Plain($"  {f.Severity.ToString().ToUpperInvariant(),-8} {f.Title} ({f.EventIds.Count})"));
        var cost = result.Impact.Cost;
        if (cost.Instances.Count > 0)
            o.WriteLine(Terminal.Plain(Messages.Get("InvestigateCost", cost.TotalSoFar.ToString("0.00", CultureInfo.InvariantCulture),
                cost.BurnRatePerHour.ToString("0.00", CultureInfo.InvariantCulture), cost.Instances.Count, cost.PriceTable.Split(':')[0])));
        var accessed = result.Impact.DataExposure.Where(d => d.Accessed == AccessVerdict.Accessed).Select(d => d.Name).ToList();
        if (accessed.Count > 0) o.WriteLine(Terminal.Plain(Messages.Get("InvestigateDataAccessed", string.Join(", ", accessed))));
        var unknown = result.Impact.DataExposure.Where(d => d.Accessed == AccessVerdict.Unknown && d.Kind == "s3-bucket").Select(d => d.Name).ToList();
        if (unknown.Count > 0) o.WriteLine(Terminal.Plain(Messages.Get("InvestigateDataUnknown", string.Join(", ", unknown))));
        if (result.Complete)
        {
            o.WriteLine(Messages.Get("InvestigateComplete"));
            return;
        }
        o.WriteLine(Terminal.Plain(Messages.Get("InvestigateIncomplete", result.Gaps.Count)));
        foreach (var g in result.Gaps.Take(20))
            o.WriteLine(Terminal.Plain($"  {g.Region ?? "-",-15} {g.Source,-30} {g.Kind} {g.Code} {g.Message}"));
    }

    /// <summary>Plain lines, one per step and source read, safe for logs and pipes.</summary>
    private sealed class LineProgress(IAnsiConsole console) : IInvestigationProgress
    {
        private readonly Lock _gate = new();
        public void Step(string step, string detail) => Write(Messages.Get("InvestigateStep", step, detail));
        public void SourceRead(string source, int records, int gaps) => Write(Messages.Get("InvestigateSourceRead", source, records, gaps));

        private void Write(string line)
        {
            lock (_gate) console.Profile.Out.Writer.WriteLine(Terminal.Plain(line));
        }
    }

    /// <summary>A Spectre.Console status line showing the current step; sources read are printed above it.</summary>
    private sealed class StatusProgress(StatusContext status) : IInvestigationProgress
    {
        private readonly Lock _gate = new();
        public void Step(string step, string detail)
        {
            lock (_gate) status.Status(Markup.Escape(Terminal.Plain(Messages.Get("InvestigateStep", step, detail))));
        }

        public void SourceRead(string source, int records, int gaps)
        {
            lock (_gate) status.Status(Markup.Escape(Terminal.Plain(Messages.Get("InvestigateSourceRead", source, records, gaps))));
        }
    }
}
