using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using Shodo.Aws.Connection;
using Shodo.Aws.Safety;
using Shodo.Cases;
using Shodo.Cli.Commands.CaseCommands;
using Shodo.Cli.Output;
using Shodo.Diagnostics;
using Shodo.Evidence;
using Shodo.Localization;

namespace Shodo.Cli.Commands;

/// <summary>
/// <c>shodo collect CASE</c>: records the account's state — IAM, and EC2, RDS, CloudTrail in every
/// enabled region at once, S3 buckets — into the case's evidence before anything is changed. Exit 0
/// when every call succeeded, 3 (<see cref="ExitCode.Incomplete"/>) when coverage.json lists gaps.
/// </summary>
public sealed class CollectCommand : IShodoCommand
{
    public Command Build(ShodoApp app)
    {
        var caseArg = new Argument<string>("CASE") { Description = "The case folder, or a case id under --case-dir." };
        var command = new Command("collect",
            "Record the state of the account (IAM, EC2, S3, RDS, CloudTrail; every enabled region at once) into the " +
            "case's evidence before anything is changed. Every failed call is listed in coverage.json. " +
            "Exits 0 when complete, 3 when some calls failed.\n\nExample:\n" +
            "  shodo collect cases/2026-11-28T1423Z-k3x9q2 --profile incident-response")
        { Arguments = { caseArg } };
        command.SetAction((parse, ct) => app.Run(parse, ct, async ctx =>
        {
            var folder = CaseFolderPath.Resolve(parse.GetValue(caseArg)!, ctx.Settings);
            using var @case = Case.Load(folder, ctx.CaseOptions);
            using var aws = await AwsConnection.OpenAsync(
                WhoamiCommand.ConnectionOptions(ctx) with { RefusalSink = new JournalRefusalSink(@case.Journal) }, ct);
            var me = await aws.WhoAmIAsync(ct);
            @case.BindCaller(me.Account, me.Arn);
            if (!ctx.Json)
                ctx.Console.Profile.Out.Writer.WriteLine(Terminal.Plain(Messages.Get("CollectStarting", me.Account, me.Arn, @case.Manifest.Id)));

            var runner = new CollectionRunner(aws, @case, new CollectionOptions { Time = ctx.Time });
            var result = await CollectProgress.RunAsync(ctx, progress => runner.RunAsync(progress, ct));
            Report(ctx, @case, result);
            return result.Complete ? ExitCode.Success : ExitCode.Incomplete;
        }));
        return command;
    }

    private static void Report(CommandContext ctx, Case @case, CollectionResult result)
    {
        if (ctx.Json)
        {
            ctx.Out.WriteLine(JsonSerializer.Serialize(new
            {
                @case = @case.Manifest.Id, path = @case.Directory, complete = result.Complete, regions = result.Regions,
                evidenceStored = result.Blobs, failedCalls = result.Gaps.Count, coverage = result.CoveragePath,
                durationSeconds = Math.Round(result.Duration.TotalSeconds, 1),
                gaps = result.Gaps.Select(g => new
                {
                    collector = g.Collector, service = g.Service, operation = g.Operation, region = g.Region,
                    kind = g.Kind, code = g.Code, message = g.Message,
                }),
            }));
            return;
        }
        var o = ctx.Out;
        o.WriteLine(Terminal.Plain(Messages.Get("CollectSummary", result.Blobs, result.Regions.Count,
            result.Duration.TotalSeconds.ToString("0.0", CultureInfo.InvariantCulture), @case.Directory)));
        if (result.Complete)
        {
            o.WriteLine(Messages.Get("CollectComplete"));
            return;
        }
        o.WriteLine(Terminal.Plain(Messages.Get("CollectIncomplete", result.Gaps.Count, result.CoveragePath)));
        foreach (var g in result.Gaps.OrderBy(g => g.Region ?? "", StringComparer.Ordinal).ThenBy(g => g.Operation, StringComparer.Ordinal))
            o.WriteLine(Terminal.Plain($"  {g.Region ?? "global",-15} {g.Service}:{g.Operation,-32} {g.Kind} ({g.Code})"));
    }
}
