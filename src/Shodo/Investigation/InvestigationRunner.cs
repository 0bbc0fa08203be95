using System.Text.Json.Nodes;
using Shodo.Aws.Connection;
using Shodo.Aws.Ec2;
using Shodo.Cases;
using Shodo.Localization;
using Shodo.Diagnostics;
using Shodo.Investigation.Detections;
using Shodo.Investigation.Identities;
using Shodo.Investigation.Impact;
using Shodo.Investigation.Model;
using Shodo.Investigation.Resources;
using Shodo.Investigation.Sources;
using Shodo.Evidence.Snapshot;
using Shodo.Investigation.Timeline;
using Shodo.Trail;
using Shodo.Trail.Lookup;

namespace Shodo.Investigation;

/// <summary>
/// <c>shodo investigate</c>'s engine: reads the collected state, resolves the starting key's owner with
/// the responder's credentials, reads the event sources, follows the identity chain to a fixed point,
/// pivots for related identities, builds the timeline, runs the detections, finds the attacker's
/// resources, estimates the impact, and writes findings.json, timeline.jsonl, identities.json,
/// attacker-resources.json, impact.json and coverage.json into the case — journaled from
/// investigate.started to investigate.finished.
/// </summary>
public sealed class InvestigationRunner(AwsConnection aws, Case @case, InvestigationOptions options)
{
    public async Task<InvestigationResult> RunAsync(IInvestigationProgress? progress = null, CancellationToken ct = default)
    {
        progress ??= IInvestigationProgress.None;
        if (options.AccessKeyId is null && options.UserName is null)
            throw new ShodoException(new Diagnostic(ExitCode.Usage, Localization.Messages.Get("InvestigateNoStartingPoint")));
        await @case.Journal.AppendAsync(InvestigationJournalKinds.Started, new JsonObject
        {
            ["startingPoint"] = new JsonObject
            {
                ["accessKeyId"] = options.AccessKeyId, ["userName"] = options.UserName,
                ["since"] = options.Since is { } s ? CaseTime.Format(s) : null, ["until"] = options.Until is { } u ? CaseTime.Format(u) : null,
                ["sources"] = new JsonArray(options.Sources.Select(x => (JsonNode)x!).ToArray()),
            },
        }, null, ct);

        progress.Step("resolve", Messages.Get("InvestigationStepResolve"));
        var state = await AccountSnapshot.BuildAsync(@case, ct);
        var gaps = state.Gaps.Select(SourceGap.From).ToList();
        var regions = state.Regions.Select(r => r.Name).ToList();
        if (regions.Count == 0)
            regions = (await RegionDiscovery.EnabledAsync(aws, ct)).Select(r => r.Name).ToList();

        var startingKeys = new List<string>();
        KeyOwner? owner = null;
        if (options.AccessKeyId is { } key)
        {
            owner = await new KeyOwnerResolver(aws).ResolveAsync(key, state, ct);
            if (owner.Problem is { } problem) gaps.Add(new SourceGap("sts", null, "Failed", null, problem));
            startingKeys.Add(key);
        }
        else
            startingKeys.AddRange(state.AccessKeys.Where(k => k.UserName == options.UserName).Select(k => k.AccessKeyId));
        var ownerName = owner?.UserName ?? options.UserName;
        var accountId = owner?.AccountId ?? @case.Manifest.AccountId;

        var sources = new InvestigationSources(aws, @case, options, state, regions, progress);
        var window = new TrailWindow(options.Since, options.Until);
        progress.Step("lookup", string.Join(", ", startingKeys));
        var first = SourceResult.Combine(await Task.WhenAll(startingKeys.Select(k => sources.LookupAsync(LookupQuery.AccessKey(k, window), ct))));
        gaps.AddRange(first.Gaps);

        // Everything from the start of the attacker's use of the key (or the owner's baseline cut) on.
        var attackFrom = options.Since;
        if (sources.UsesLookup && attackFrom is null)
        {
            var earliest = startingKeys.Select(k => new IdentityChain(first.Records).Follow(k, ownerName, options.Since, new HashSet<string>()))
                .Select(c => c.CompromiseStart ?? c.Baseline.Cut).Where(t => t is not null).DefaultIfEmpty(null).Min();
            attackFrom = earliest?.AddHours(-1);
        }
        var broad = new TrailWindow(attackFrom, options.Until);
        progress.Step("lookup", Messages.Get("InvestigationStepLookupAll"));
        var everything = await sources.LookupAsync(LookupQuery.Everything(broad), ct);
        progress.Step("log-files", Messages.Get("InvestigationStepLogFiles"));
        var files = await sources.LogFilesAsync(broad, accountId, ct);
        gaps.AddRange(everything.Gaps);
        gaps.AddRange(files.Gaps);

        var (records, recordSources) = RecordDeduplication.Distinct(first.Records.Concat(everything.Records).Concat(files.Records));

        progress.Step("chain", Messages.Get("InvestigationStepChain"));
        var responderKey = (await aws.Credentials.GetCredentialsAsync()).AccessKey;
        var excludedKeys = new HashSet<string>(StringComparer.Ordinal) { responderKey };
        var excludedArns = new HashSet<string>(StringComparer.Ordinal);
        if (@case.Journal.Actor.CallerArn is { } callerArn) excludedArns.Add(callerArn);
        var chains = startingKeys.Select(k => new IdentityChain(records).Follow(k, ownerName, options.Since, excludedKeys)).ToList();
        var chain = Merge(chains);
        var related = AddressPivot.Related(records, chain, excludedKeys, excludedArns);
        var identities = chain.Identities.Concat(related).ToList();

        var identityOf = new Dictionary<string, string>(StringComparer.Ordinal);
        var confidenceOf = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var e in chain.AttackerEvents)
        {
            if (EventIdentity.Of(e, chain) is { } id) identityOf[e.EventId] = id;
            confidenceOf[e.EventId] = "confirmed";
        }
        foreach (var r in related)
            foreach (var id in r.EventIds)
            {
                identityOf.TryAdd(id, r.Id);
                confidenceOf.TryAdd(id, "related");
            }
        var timeline = records.Where(r => confidenceOf.ContainsKey(r.EventId)).ToList();

        progress.Step("detections", Messages.Get("InvestigationStepDetections", chain.AttackerEvents.Count));
        var context = new DetectionContext(chain.AttackerEvents, records, state, chain);
        var findings = DetectionCatalog.All.SelectMany(d => d.Detect(context))
            .OrderByDescending(f => f.Severity).ThenBy(f => f.FirstSeen).ToList();

        progress.Step("impact", Messages.Get("InvestigationStepImpact"));
        var resources = new AttackerResourceFinder(state, chain).Find();
        var now = options.Time.GetUtcNow();
        var impact = new Model.Impact
        {
            Cost = new CostEstimator(PriceTable.BuiltIn).Estimate(resources, now),
            DataExposure = new DataExposureAssessor(state, chain,
                new SourceReach(sources.LogBucketsRead, records.Count > 0 ? records.Min(r => r.EventTime) : null), resources).Assess(),
        };

        var suspected = await Suspicion.SuspicionStep.RunAsync(@case, state, [.. first.Gaps, .. everything.Gaps, .. files.Gaps],
            sources.ReadLookupEvents, chain.CompromiseStart, startingKeys, ownerName, @case.Journal.Actor.CallerArn, records, identities, resources, ct);

        progress.Step("write", @case.Directory);
        await InvestigationFiles.WriteAsync(@case, InvestigationFiles.Identities, InvestigationFiles.IdentitiesFormat, "identities", identities, ct);
        await InvestigationFiles.WriteAsync(@case, InvestigationFiles.AttackerResources, InvestigationFiles.AttackerResourcesFormat, "resources", resources, ct);
        await InvestigationFiles.WriteAsync(@case, InvestigationFiles.Findings, InvestigationFiles.FindingsFormat, "findings", findings, ct);
        await AccountsReachedFile.WriteAsync(@case, chain.AttackerEvents, ct);
        var impactJson = InvestigationFiles.ToNode(impact).AsObject();
        impactJson["format"] = InvestigationFiles.ImpactFormat;
        await @case.Documents.WriteJsonAsync(InvestigationFiles.Impact, impactJson, InvestigationJournalKinds.Producer, ct);
        await TimelineFile.WriteAsync(@case, timeline, identityOf, confidenceOf, recordSources, ct);
        await InvestigationCoverage.WriteAsync(@case, gaps, records.Count, sources, ct);

        var result = new InvestigationResult(accountId, ownerName, identities, resources, findings, impact, gaps, records.Count,
            timeline.Count, chain.CompromiseStart) { Suspected = suspected, EventsFallback = sources.OrganizationTrailFallback };
        await @case.Journal.AppendAsync(InvestigationJournalKinds.Finished, new JsonObject
        {
            ["identities"] = new JsonArray(identities.Select(i => (JsonNode)i.Id!).ToArray()),
            ["resources"] = new JsonArray(resources.Select(r => (JsonNode)r.Id!).ToArray()),
            ["findings"] = new JsonArray(findings.Select(f => (JsonNode)f.Id!).ToArray()),
            ["counts"] = new JsonObject
            {
                ["records"] = records.Count, ["timeline"] = timeline.Count, ["identities"] = identities.Count,
                ["related"] = related.Count, ["resources"] = resources.Count, ["findings"] = findings.Count, ["gaps"] = gaps.Count,
            },
        }, null, ct);
        return result;
    }

    private static ChainResult Merge(IReadOnlyList<ChainResult> chains)
    {
        if (chains.Count == 1) return chains[0];
        var events = chains.SelectMany(c => c.AttackerEvents).DistinctBy(e => e.EventId).OrderBy(e => e.EventTime).ToList();
        return new ChainResult(
            chains.SelectMany(c => c.Identities).GroupBy(i => i.Id).Select(g => g.First()).ToList(), events,
            chains.SelectMany(c => c.Addresses).Distinct().ToList(), chains.SelectMany(c => c.UserAgents).Distinct().ToList(),
            events.FirstOrDefault()?.EventTime,
            chains.FirstOrDefault()?.Baseline ?? OwnerBaseline.For([], null));
    }
}
