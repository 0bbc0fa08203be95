using System.Text.Json.Nodes;
using Shodo.Aws.Athena.Calls;
using Shodo.Aws.Protocols;
using Shodo.Diagnostics;
using Shodo.Hunting.Sql;
using Shodo.Localization;
using Shodo.Sigma;

namespace Shodo.Hunting;

/// <summary>Where an Athena hunt runs: the CloudTrail table (database.table), workgroup and result location.</summary>
public sealed record AthenaHuntSettings(string Table, string? Database, string? OutputLocation, string? WorkGroup)
{
    /// <summary>The table is over an organisation trail's bucket (<see cref="OrganizationTrailTable"/>): matches name their account.</summary>
    public bool OrganizationTable { get; init; }

    public TimeSpan PollEvery { get; init; } = TimeSpan.FromSeconds(1);
    public TimeSpan GiveUpAfter { get; init; } = TimeSpan.FromHours(1);
}

/// <summary>What an Athena hunt did: the query, its id, matches per rule, rules it could not compile, bytes scanned.</summary>
public sealed record AthenaHuntResult(string QueryExecutionId, string Query, IReadOnlyList<HuntRuleCount> Rules,
    IReadOnlyList<(SigmaRule Rule, string Reason)> NotCompiled, long? DataScannedInBytes)
{
    public long Matches => Rules.Sum(r => r.Matches);
}

/// <summary>
/// The Athena hunt: compiles the rules to one SQL query over the CloudTrail table, runs it with
/// StartQueryExecution, waits with GetQueryExecution and streams the rows of GetQueryResults out as
/// matches (the record's key fields; the record itself stays in the bucket).
/// </summary>
public sealed class AthenaHunt(JsonClient athena, AthenaHuntSettings settings, TimeProvider time)
{
    public async Task<AthenaHuntResult> RunAsync(IReadOnlyList<SigmaRule> rules, DateTimeOffset? since, DateTimeOffset? until,
        IHuntMatchSink sink, CancellationToken ct = default)
    {
        var compiled = new SigmaSqlCompiler(SqlDialect.Athena).Compile(rules, settings.Table, since, until, settings.OrganizationTable);
        var id = await athena.SendAsync(new StartQueryExecution(compiled.Query, settings.Database, settings.OutputLocation,
            settings.WorkGroup, ClientRequestToken: Guid.NewGuid().ToString()), ct);
        var started = time.GetUtcNow();
        AthenaQueryStatus status;
        while (!(status = await athena.SendAsync(new GetQueryExecution(id), ct)).Finished)
        {
            if (time.GetUtcNow() - started > settings.GiveUpAfter)
                throw new ShodoException(new Diagnostic(ExitCode.Failure, Messages.Get("HuntAthenaFailed", id, "still " + status.State)));
            await Task.Delay(settings.PollEvery, time, ct);
        }
        if (!status.Succeeded)
            throw new ShodoException(new Diagnostic(ExitCode.Failure, Messages.Get("HuntAthenaFailed", id, $"{status.State}: {status.Reason}")));

        var byId = compiled.Compiled.GroupBy(r => r.Id).ToDictionary(g => g.Key, g => g.First());
        var counts = compiled.Compiled.ToDictionary(r => r, _ => 0L);
        string[]? header = null;
        long index = 0;
        await foreach (var page in athena.PagesAsync(new GetQueryResults(id), ct))
            foreach (var row in page.Items)
            {
                if (header is null) { header = row.Select(c => c ?? "").ToArray(); continue; }
                var cells = header.Select((name, i) => (name, value: i < row.Count ? row[i] : null)).ToDictionary(c => c.name, c => c.value);
                if (cells.GetValueOrDefault(SigmaSqlCompiler.RuleColumn) is not { } ruleId || !byId.TryGetValue(ruleId, out var rule)) continue;
                counts[rule]++;
                var raw = new JsonObject();
                foreach (var (name, value) in cells) raw[name] = value;
                sink.Write(new HuntMatch(rule, cells.GetValueOrDefault("eventtime"), cells.GetValueOrDefault("eventid"),
                    cells.GetValueOrDefault("eventname"), cells.GetValueOrDefault("eventsource"), cells.GetValueOrDefault("awsregion"),
                    cells.GetValueOrDefault("sourceipaddress"), cells.GetValueOrDefault("principalarn"), null,
                    $"athena:{id}", index++, raw.ToJsonString()));
            }
        return new AthenaHuntResult(id, compiled.Query, counts.Select(c => new HuntRuleCount(c.Key, c.Value)).ToList(),
            compiled.NotCompiled, status.DataScannedInBytes);
    }
}
