using System.Text.Json.Nodes;
using Amazon.EC2.Model;
using Shodo.Aws;
using Shodo.Aws.Connection;
using Shodo.Aws.Ec2;
using Shodo.Cases;
using Shodo.Cases.Redaction;

namespace Shodo.Evidence;

/// <summary>
/// Captures the account into a case: the global collectors in one lane, the regional collectors in
/// one lane per enabled region, every lane started at once (a region never waits for another region;
/// only the bound on calls in flight is shared). Journals <c>collect.started</c>, each gap, and
/// <c>collect.finished</c>; writes <c>coverage.json</c> — also when cancelled (then marked partial, and the
/// <see cref="OperationCanceledException"/> is rethrown).
/// </summary>
public sealed class CollectionRunner(AwsConnection aws, Case @case, CollectionOptions? options = null)
{
    public const string GlobalLane = "global";

    private readonly CollectionOptions _options = options ?? new CollectionOptions();

    public async Task<CollectionResult> RunAsync(ICollectionProgress? progress = null, CancellationToken ct = default)
    {
        progress ??= NoCollectionProgress.Instance;
        var time = _options.Time;
        var startedAt = time.GetUtcNow();
        var collectors = _options.Collectors;
        var ledger = new CollectionLedger(@case, _options.MaxConcurrentCalls, time);
        await @case.Journal.AppendAsync(CollectJournalKinds.Started, new JsonObject
        {
            ["collectors"] = new JsonArray(collectors.Select(c => (JsonNode)c.Name!).ToArray()),
            ["homeRegion"] = aws.Region,
            ["maxConcurrentCalls"] = _options.MaxConcurrentCalls,
        }, null, ct).ConfigureAwait(false);

        IReadOnlyList<string> regions = [];
        var cancelled = false;
        try
        {
            regions = _options.Regions ?? await EnabledRegionsAsync(ledger, ct).ConfigureAwait(false);
            var lanes = new List<Task>
            {
                RunLaneAsync(GlobalLane, null, collectors.Where(c => c.Scope == CollectorScope.Global).ToList(), ledger, progress, ct),
            };
            var regional = collectors.Where(c => c.Scope == CollectorScope.Regional).ToList();
            if (regional.Count > 0)
                lanes.AddRange(regions.Select(r => RunLaneAsync(r, r, regional, ledger, progress, ct)));
            await Task.WhenAll(lanes).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            // Stopped by the responder: what was stored stays, and the record says the collection is partial.
            cancelled = true;
        }

        var result = new CollectionResult(regions, ledger.Blobs, ledger.Gaps,
            Path.Combine(@case.Directory, CoverageFile.Name), startedAt, time.GetUtcNow()) { Cancelled = cancelled };
        var coverage = (JsonObject)Redactor.Default.Redact(CoverageFile.ToJson(result, collectors)).Value!;
        var coverageSha = CoverageFile.Write(@case.Directory, coverage);
        await @case.Journal.AppendAsync(CollectJournalKinds.Finished, new JsonObject
        {
            ["regions"] = regions.Count,
            ["evidenceStored"] = result.Blobs,
            ["failedCalls"] = result.Gaps.Count,
            ["complete"] = result.Complete,
            ["cancelled"] = cancelled,
            ["durationMs"] = (long)result.Duration.TotalMilliseconds,
            ["coverage"] = new JsonObject { ["path"] = CoverageFile.Name, ["sha256"] = coverageSha },
        }, null, CancellationToken.None).ConfigureAwait(false);
        if (cancelled) throw new OperationCanceledException(ct);
        return result;
    }

    private async Task RunLaneAsync(string lane, string? region, IReadOnlyList<ICollector> collectors,
        CollectionLedger ledger, ICollectionProgress progress, CancellationToken ct)
    {
        await Task.Yield();
        progress.LaneStarted(lane, collectors.Count);
        var outcomes = await Task.WhenAll(collectors.Select(async collector =>
        {
            var context = new CollectionContext(aws, region, collector, ledger);
            try
            {
                await collector.CollectAsync(context, ct).ConfigureAwait(false);
            }
            catch (Exception e) when (e is not OperationCanceledException || !ct.IsCancellationRequested)
            {
                // A collector that broke still leaves a visible gap, never a silent hole.
                await context.RecordAsync(CoverageGap.Unreadable(e, collector.Name, null, region, null, _options.Time.GetUtcNow()), ct)
                    .ConfigureAwait(false);
            }
            progress.CollectorFinished(lane, collector.Name, context.Blobs, context.Gaps);
            return (context.Blobs, context.Gaps);
        })).ConfigureAwait(false);
        progress.LaneFinished(lane, outcomes.Sum(o => o.Blobs), outcomes.Sum(o => o.Gaps));
    }

    /// <summary>The enabled regions (DescribeRegions stored as evidence); the home region alone if that fails, with a gap.</summary>
    private async Task<IReadOnlyList<string>> EnabledRegionsAsync(CollectionLedger ledger, CancellationToken ct)
    {
        var context = new CollectionContext(aws, null, RegionList.Instance, ledger);
        var answer = await context.SdkAsync(Ec2Operations.DescribeRegions, new JsonObject { ["AllRegions"] = true }, null,
            c => aws.Ec2().DescribeRegionsAsync(new DescribeRegionsRequest { AllRegions = true }, c), ct).ConfigureAwait(false);
        if (answer is null) return [aws.Region];
        return (answer.Regions ?? [])
            .Select(r => new AwsRegion(r.RegionName, r.OptInStatus ?? "opt-in-not-required", r.Endpoint))
            .Where(r => r.Enabled).Select(r => r.Name).OrderBy(n => n, StringComparer.Ordinal).ToList();
    }

    /// <summary>The runner's own call: which regions to collect.</summary>
    private sealed class RegionList : ICollector
    {
        public static RegionList Instance { get; } = new();
        public string Name => "ec2.regions";
        public CollectorScope Scope => CollectorScope.Global;
        public IReadOnlyList<AwsOperation> Operations { get; } = [Ec2Operations.DescribeRegions];
        public Task CollectAsync(CollectionContext context, CancellationToken ct) => Task.CompletedTask;
    }
}
