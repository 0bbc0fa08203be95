using System.CommandLine;
using System.Globalization;
using Shodo.Aws.Athena;
using Shodo.Aws.Connection;
using Shodo.Cli.Output;
using Shodo.Diagnostics;
using Shodo.Hunting;
using Shodo.Localization;
using Shodo.Sigma;

namespace Shodo.Cli.Commands;

/// <summary><c>shodo hunt --engine athena</c>: the table, database, workgroup and result location, and the run.</summary>
internal sealed class AthenaHuntOptions
{
    public Option<string?> Table { get; } = new("--athena-table") { Description = "The CloudTrail table in Athena (as AWS documents it), e.g. cloudtrail_logs." };
    public Option<string?> Database { get; } = new("--athena-database") { Description = "The Athena database that holds the table (default: default)." };
    public Option<string?> WorkGroup { get; } = new("--athena-workgroup") { Description = "The Athena workgroup (default: primary)." };
    public Option<string?> OutputLocation { get; } = new("--athena-output") { Description = "s3:// location for query results, unless the workgroup sets one." };
    public Option<bool> ShowSql { get; } = new("--show-sql") { Description = "Print the compiled SQL instead of running it." };

    public IEnumerable<Option> All => [Table, Database, WorkGroup, OutputLocation, ShowSql];

    public async Task<ExitCode> RunAsync(CommandContext ctx, ParseResult parse, IReadOnlyList<SigmaRule> rules,
        DateTimeOffset? since, DateTimeOffset? until, IHuntMatchSink sink, TextWriter report, CancellationToken ct)
    {
        var table = parse.GetValue(Table) ?? throw new ShodoException(new Diagnostic(ExitCode.Usage, Messages.Get("HuntAthenaNeedsTable")));
        if (parse.GetValue(ShowSql))
        {
            var compiled = new Shodo.Hunting.Sql.SigmaSqlCompiler(Shodo.Hunting.Sql.SqlDialect.Athena).Compile(rules, table, since, until);
            ctx.Out.WriteLine(compiled.Query);
            foreach (var (rule, reason) in compiled.NotCompiled) report.WriteLine(Terminal.Plain(Messages.Get("HuntNotCompiled", rule.Title, reason)));
            return ExitCode.Success;
        }
        using var aws = await AwsConnection.OpenAsync(WhoamiCommand.ConnectionOptions(ctx), ct);
        var hunt = new AthenaHunt(aws.Json(AthenaOperations.Service),
            new AthenaHuntSettings(table, parse.GetValue(Database), parse.GetValue(OutputLocation), parse.GetValue(WorkGroup)), ctx.Time);
        var result = await hunt.RunAsync(rules, since, until, sink, ct);
        foreach (var (rule, reason) in result.NotCompiled) report.WriteLine(Terminal.Plain(Messages.Get("HuntNotCompiled", rule.Title, reason)));
        report.WriteLine(Terminal.Plain(Messages.Get("HuntAthenaSummary", result.QueryExecutionId, result.Matches,
            ((result.DataScannedInBytes ?? 0) / (1024.0 * 1024)).ToString("0.0", CultureInfo.InvariantCulture))));
        foreach (var r in result.Rules.Where(r => r.Matches > 0).OrderByDescending(r => r.Matches))
            report.WriteLine(Terminal.Plain($"  {r.Matches,8}  {r.Rule.Level?.ToSigmaText() ?? "-",-13} {r.Rule.Title}  ({r.Rule.Id})"));
        return result.NotCompiled.Count == 0 ? ExitCode.Success : ExitCode.Incomplete;
    }
}
