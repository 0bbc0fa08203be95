using System.CommandLine;
using System.Globalization;
using Shodo.Aws.Athena;
using Shodo.Aws.Connection;
using Shodo.Cli.Output;
using Shodo.Diagnostics;
using Shodo.Hunting;
using Shodo.Hunting.Sql;
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
    public Option<bool> ShowDdl { get; } = new("--show-ddl")
    {
        Description = "Print the CREATE TABLE over the organisation trail's folder --logs names (s3://BUCKET[/PREFIX]/AWSLogs/o-ORGID/): " +
            "AWS's CloudTrail table with partition projection over account, region and day (from --since, else 90 days back), " +
            "so a hunt with that --logs reads only its window's days and says each match's account.",
    };
    public Option<string?> Accounts { get; } = new("--athena-accounts") { Description = "The organisation trail table's accounts (its account partition), comma-separated." };
    public Option<string?> Regions { get; } = new("--athena-regions") { Description = "The organisation trail table's regions (its region partition), comma-separated." };

    public IEnumerable<Option> All => [Table, Database, WorkGroup, OutputLocation, ShowSql, ShowDdl, Accounts, Regions];

    /// <summary>How far back the organisation trail table's days reach without --since: as far as LookupEvents does.</summary>
    public static readonly TimeSpan DefaultTableDays = TimeSpan.FromDays(90);

    public async Task<ExitCode> RunAsync(CommandContext ctx, ParseResult parse, IReadOnlyList<SigmaRule> rules, string location,
        DateTimeOffset? since, DateTimeOffset? until, IHuntMatchSink sink, TextWriter report, CancellationToken ct)
    {
        var table = parse.GetValue(Table) ?? throw new ShodoException(new Diagnostic(ExitCode.Usage, Messages.Get("HuntAthenaNeedsTable")));
        // --logs naming an organisation trail's folder: the table over it has the account and the day as partitions.
        var organization = OrganizationTrailTable.FolderOf(location);
        if (parse.GetValue(ShowDdl))
        {
            var accounts = List(parse.GetValue(Accounts));
            var regions = List(parse.GetValue(Regions));
            if (organization is not { } folder || accounts.Count == 0 || regions.Count == 0)
                throw new ShodoException(new Diagnostic(ExitCode.Usage, Messages.Get("HuntAthenaDdlNeeds")));
            var from = DateOnly.FromDateTime((since ?? ctx.Time.GetUtcNow() - DefaultTableDays).UtcDateTime);
            ctx.Out.Write(new OrganizationTrailTable(table, folder.Bucket, folder.Prefix, folder.OrganizationId, accounts, regions, from).CreateTable());
            return ExitCode.Success;
        }
        if (parse.GetValue(ShowSql))
        {
            var compiled = new Shodo.Hunting.Sql.SigmaSqlCompiler(Shodo.Hunting.Sql.SqlDialect.Athena).Compile(rules, table, since, until, organization is not null);
            ctx.Out.WriteLine(compiled.Query);
            foreach (var (rule, reason) in compiled.NotCompiled) report.WriteLine(Terminal.Plain(Messages.Get("HuntNotCompiled", rule.Title, reason)));
            return ExitCode.Success;
        }
        using var aws = await AwsConnection.OpenAsync(WhoamiCommand.ConnectionOptions(ctx), ct);
        var hunt = new AthenaHunt(aws.Json(AthenaOperations.Service),
            new AthenaHuntSettings(table, parse.GetValue(Database), parse.GetValue(OutputLocation), parse.GetValue(WorkGroup))
            {
                OrganizationTable = organization is not null,
            }, ctx.Time);
        var result = await hunt.RunAsync(rules, since, until, sink, ct);
        foreach (var (rule, reason) in result.NotCompiled) report.WriteLine(Terminal.Plain(Messages.Get("HuntNotCompiled", rule.Title, reason)));
        report.WriteLine(Terminal.Plain(Messages.Get("HuntAthenaSummary", result.QueryExecutionId, result.Matches,
            ((result.DataScannedInBytes ?? 0) / (1024.0 * 1024)).ToString("0.0", CultureInfo.InvariantCulture))));
        foreach (var r in result.Rules.Where(r => r.Matches > 0).OrderByDescending(r => r.Matches))
            report.WriteLine(Terminal.Plain($"  {r.Matches,8}  {r.Rule.Level?.ToSigmaText() ?? "-",-13} {r.Rule.Title}  ({r.Rule.Id})"));
        return result.NotCompiled.Count == 0 ? ExitCode.Success : ExitCode.Incomplete;
    }

    private static List<string> List(string? text) =>
        (text ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Distinct(StringComparer.Ordinal).ToList();
}
