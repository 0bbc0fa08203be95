using System.Text.Json.Nodes;
using Amazon.EC2.Model;
using Shodo.Aws;
using Shodo.Aws.Connection;
using Shodo.Aws.Ec2;
using Shodo.Aws.Resilience;
using Shodo.Cases;
using Shodo.Cases.Redaction;

namespace Shodo.Evidence;

/// <summary>
/// Captures the account into a case: the global collectors in one lane, the regional collectors in
/// one lane per enabled region, every lane started at once (a region never waits for another region; calls in flight
/// are bounded per service and region, as AWS's request rates are, and over all by what the machine holds). Journals <c>collect.started</c>, each gap, and
/// <c>collect.finished</c>; writes <c>coverage.json</c> — also when cancelled (then marked partial, and the
/// <see cref="OperationCanceledException"/> is rethrown). <see cref="RetryGapsAsync"/> tries again what an
/// earlier collection of the case could not get for a transient reason.
/// </summary>
public sealed class CollectionRunner(AwsConnection aws, Case @case, CollectionOptions? options = null)
{
    public const string GlobalLane = "global";

    private readonly CollectionOptions _options = options ?? new CollectionOptions();
    /// <summary>The opt-in regions DescribeRegions said the account enabled (credentials refused there are not "region not enabled").</summary>
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, bool> _optedIn = new(StringComparer.Ordinal);

    public async Task<CollectionResult> RunAsync(ICollectionProgress? progress = null, CancellationToken ct = default)
    {
        progress ??= NoCollectionProgress.Instance;
        var collectors = _options.Collectors;
        return await CollectAsync(new JsonObject
        {
            ["collectors"] = new JsonArray(collectors.Select(c => (JsonNode)c.Name!).ToArray()),
            ["homeRegion"] = aws.Region,
            ["maxConcurrentCalls"] = _options.MaxConcurrentCalls,
            ["maxConcurrentCallsPerService"] = _options.MaxConcurrentCallsPerService,
        }, null, async ledger =>
        {
            var regions = _options.Regions ?? await EnabledRegionsAsync(ledger, ct).ConfigureAwait(false);
            var lanes = new List<Task>
            {
                RunLaneAsync(GlobalLane, null, collectors.Where(c => c.Scope == CollectorScope.Global).ToList(), ledger, progress, ct),
            };
            var regional = collectors.Where(c => c.Scope == CollectorScope.Regional).ToList();
            if (regional.Count > 0)
                lanes.AddRange(regions.Select(r => RunLaneAsync(r, r, regional, ledger, progress, ct)));
            await Task.WhenAll(lanes).ConfigureAwait(false);
            return regions;
        }, ct).ConfigureAwait(false);
    }

    /// <summary>
    /// Whether the case holds a collection that ran to its end (coverage.json, not cancelled), whose
    /// transient gaps <see cref="RetryGapsAsync"/> can try again.
    /// </summary>
    public static bool HasFinishedCollection(Case @case) => CoverageFile.Read(@case.Folder) is { CollectionFinished: true };

    /// <summary>
    /// Tries again what the case's earlier collection could not get because AWS throttled, failed on its
    /// side or did not answer (<see cref="GapKinds.IsTransient"/>): each collector with such a gap runs
    /// again in the lane where it failed, and, when the region list itself was missing, every region
    /// found now that was not collected is collected whole. coverage.json then lists the earlier gaps
    /// not tried again and this run's; what was stored before stays (evidence is append-only).
    /// </summary>
    public async Task<CollectionResult> RetryGapsAsync(ICollectionProgress? progress = null, CancellationToken ct = default)
    {
        progress ??= NoCollectionProgress.Instance;
        var coverage = CoverageFile.Read(@case.Folder)
            ?? throw new FileNotFoundException($"{CoverageFile.Name} has not been written.", Path.Combine(@case.Directory, CoverageFile.Name));
        var earlierGaps = coverage.Gaps ?? [];
        var byName = _options.Collectors.ToDictionary(c => c.Name, StringComparer.Ordinal);
        bool Retried(CoverageGap g) => GapKinds.IsTransient(g.Kind) && (g.Collector == RegionList.Instance.Name || byName.ContainsKey(g.Collector));
        var retried = earlierGaps.Where(Retried).ToList();
        var earlier = new EarlierCollection(
            DateTimeOffset.Parse(coverage.StartedAt!, System.Globalization.CultureInfo.InvariantCulture),
            coverage.Regions ?? [],
            coverage.EvidenceStored ?? 0,
            earlierGaps.Where(g => !Retried(g)).ToList(),
            coverage.Investigation);
        return await CollectAsync(new JsonObject
        {
            ["retry"] = true,
            ["gapsRetried"] = retried.Count,
            ["collectors"] = new JsonArray(retried.Select(g => g.Collector).Distinct().Order(StringComparer.Ordinal).Select(n => (JsonNode)n!).ToArray()),
            ["homeRegion"] = aws.Region,
            ["maxConcurrentCalls"] = _options.MaxConcurrentCalls,
            ["maxConcurrentCallsPerService"] = _options.MaxConcurrentCallsPerService,
        }, earlier, async ledger =>
        {
            var regions = earlier.Regions;
            var lanes = new Dictionary<string, (string? Region, HashSet<ICollector> Collectors)>(StringComparer.Ordinal);
            void Add(string lane, string? region, ICollector collector)
            {
                if (!lanes.TryGetValue(lane, out var entry)) lanes[lane] = entry = (region, []);
                entry.Collectors.Add(collector);
            }
            if (retried.Any(g => g.Collector == RegionList.Instance.Name))
            {
                var found = await EnabledRegionsAsync(ledger, ct).ConfigureAwait(false);
                foreach (var region in found.Except(regions, StringComparer.Ordinal))
                foreach (var collector in _options.Collectors.Where(c => c.Scope == CollectorScope.Regional))
                    Add(region, region, collector);
                regions = [.. regions.Union(found, StringComparer.Ordinal).Order(StringComparer.Ordinal)];
            }
            foreach (var gap in retried.Where(g => g.Collector != RegionList.Instance.Name))
            {
                var collector = byName[gap.Collector];
                if (collector.Scope == CollectorScope.Global) Add(GlobalLane, null, collector);
                else if (gap.Region is { } region) Add(region, region, collector);
            }
            await Task.WhenAll(lanes.Select(l => RunLaneAsync(l.Key, l.Value.Region, l.Value.Collectors.ToList(), ledger, progress, ct)))
                .ConfigureAwait(false);
            return regions;
        }, ct).ConfigureAwait(false);
    }

    /// <summary>What an earlier collection left: when it started, its regions, what it stored, the gaps not tried again.</summary>
    private sealed record EarlierCollection(DateTimeOffset StartedAt, IReadOnlyList<string> Regions, int Blobs,
        IReadOnlyList<CoverageGap> KeptGaps, CoverageInvestigation? Investigation);

    /// <summary>The frame of every collection: journal its start, run its lanes, write coverage.json, journal its end.</summary>
    private async Task<CollectionResult> CollectAsync(JsonObject started, EarlierCollection? earlier,
        Func<CollectionLedger, Task<IReadOnlyList<string>>> lanes, CancellationToken ct)
    {
        var time = _options.Time;
        var startedAt = earlier?.StartedAt ?? time.GetUtcNow();
        var ledger = new CollectionLedger(@case, _options.MaxConcurrentCalls, time, _options.MaxConcurrentCallsPerService);
        await @case.Journal.AppendAsync(CollectJournalKinds.Started, started, null, ct).ConfigureAwait(false);

        IReadOnlyList<string> regions = earlier?.Regions ?? [];
        var cancelled = false;
        try
        {
            regions = await lanes(ledger).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            // Stopped by the responder: what was stored stays, and the record says the collection is partial.
            cancelled = true;
        }

        var result = new CollectionResult(regions, (earlier?.Blobs ?? 0) + ledger.Blobs, [.. earlier?.KeptGaps ?? [], .. ledger.Gaps],
            Path.Combine(@case.Directory, CoverageFile.Name), startedAt, time.GetUtcNow()) { Cancelled = cancelled };
        var coverage = CoverageFile.Of(result, _options.Collectors);
        string coverageSha;
        if (earlier is null)
            coverageSha = CoverageFile.Write(@case.Directory, coverage);
        else
        {
            // The investigation's part (if any) stays until the investigation runs again; written as a case
            // document, like the investigation writes it, so verification follows the latest version.
            coverageSha = (await CoverageFile.WriteAsync(@case, coverage with { Investigation = earlier.Investigation },
                CollectJournalKinds.Producer, CancellationToken.None).ConfigureAwait(false)).Sha256;
        }
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
        var results = new LaneResults(collectors);
        var outcomes = await Task.WhenAll(collectors.Select(async collector =>
        {
            var context = new CollectionContext(aws, region, collector, ledger, region is not null && _optedIn.ContainsKey(region), results);
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
            finally
            {
                results.Finished(collector.Name);
            }
            progress.CollectorFinished(lane, collector.Name, context.Blobs, context.Gaps);
            return (context.Blobs, context.Gaps);
        })).ConfigureAwait(false);
        progress.LaneFinished(lane, outcomes.Sum(o => o.Blobs), outcomes.Sum(o => o.Gaps));
    }

    /// <summary>
    /// The enabled regions (DescribeRegions stored as evidence); the home region alone if that fails, with a
    /// gap. Every region's collection depends on this one call, so it keeps trying longer (<see cref="TransientRetry"/>).
    /// </summary>
    private async Task<IReadOnlyList<string>> EnabledRegionsAsync(CollectionLedger ledger, CancellationToken ct)
    {
        var context = new CollectionContext(aws, null, RegionList.Instance, ledger);
        var answer = await context.SdkAsync(Ec2Operations.DescribeRegions, new JsonObject { ["AllRegions"] = true }, null,
            c => TransientRetry.RunAsync(() => aws.Ec2().DescribeRegionsAsync(new DescribeRegionsRequest { AllRegions = true }, c), _options.Time, c),
            ct).ConfigureAwait(false);
        if (answer is null) return [aws.Region];
        var enabled = (answer.Regions ?? [])
            .Select(r => new AwsRegion(r.RegionName, r.OptInStatus ?? "opt-in-not-required", r.Endpoint))
            .Where(r => r.Enabled).ToList();
        foreach (var r in enabled.Where(r => r.OptInStatus == "opted-in")) _optedIn[r.Name] = true;
        return enabled.Select(r => r.Name).OrderBy(n => n, StringComparer.Ordinal).ToList();
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
