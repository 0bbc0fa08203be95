using System.Text.Json.Nodes;
using Shodo.Aws.Connection;
using Shodo.Aws.Ec2;
using Shodo.Aws.Resilience;
using Shodo.Cases;
using Shodo.Localization;
using Shodo.Investigation.Identities;
using Shodo.Investigation.Model;
using Shodo.Investigation.Sources;
using Shodo.Evidence.Snapshot;
using Shodo.Investigation.Timeline;
using Shodo.Trail;
using Shodo.Trail.Records;
using Shodo.Trail.Lookup;

namespace Shodo.Investigation.Triage;

/// <summary>
/// "Something is wrong in this account", with no key or user to start from: reads the recorded state
/// and the window's events (LookupEvents, every region), reads each active key's baseline, runs every
/// <see cref="SignDetectors">sign detector</see>, ranks the candidates and writes candidates.json —
/// journaled from triage.started to triage.finished. It changes nothing and confirms nothing.
/// </summary>
public sealed class TriageRunner(AwsConnection aws, Case @case, TriageOptions options, CallerIdentity responder)
{
    public async Task<TriageResult> RunAsync(IInvestigationProgress? progress = null, CancellationToken ct = default)
    {
        progress ??= IInvestigationProgress.None;
        var until = options.Time.GetUtcNow();
        var since = options.Since ?? until - options.DefaultWindow;
        var baselineSince = since - options.Baseline;
        await @case.Journal.AppendAsync(TriageJournalKinds.Started, new JsonObject
        {
            ["since"] = CaseTime.Format(since), ["until"] = CaseTime.Format(until), ["baselineSince"] = CaseTime.Format(baselineSince),
        }, null, ct).ConfigureAwait(false);

        // While the snapshot is recorded, only the regions are read first: the rest of the account comes after the events.
        if (options.SnapshotUnderway is null) progress.Step("resolve", Messages.Get("InvestigationStepResolve"));
        var state = options.SnapshotUnderway is null ? await AccountSnapshot.BuildAsync(@case, ct).ConfigureAwait(false) : new AccountSnapshot();
        if (state.Regions.Count == 0)
            state.Regions.AddRange((await TransientRetry.RunAsync(() => RegionDiscovery.EnabledAsync(aws, ct), options.Time, ct).ConfigureAwait(false))
                .Select(r => new RegionFact(r.Name, r.OptInStatus == "opted-in")));
        var regions = state.Regions.Select(r => r.Name).ToList();
        var sources = new InvestigationSources(aws, @case,
            new InvestigationOptions { Sources = ["lookup"], Time = options.Time, LookupPageAttempts = options.LookupPageAttempts },
            state, regions, progress);

        progress.Step("lookup", Messages.Get("TriageStepWindow"));
        var window = await sources.LookupAsync(LookupQuery.Everything(new TrailWindow(since, until)), ct).ConfigureAwait(false);
        var gaps = new List<SourceGap>(window.Gaps);
        var responderKey = (await aws.Credentials.GetCredentialsAsync().ConfigureAwait(false)).AccessKey;
        var recent = RecordDeduplication.Distinct(window.Records).Records
            .Where(e => e.AccessKeyId != responderKey && e.PrincipalArn != responder.Arn).ToList();
        var sessionParents = SessionParents(recent);
        var account = AccountStateAsync(state, since, recent, window.Gaps.Count > 0, progress, ct); // beside the baselines

        var activeKeys = recent.Select(e => CandidateId.Of(e, sessionParents)).Where(c => c?.Kind == CandidateId.AccessKey)
            .Select(c => c!.Id).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        progress.Step("lookup", Messages.Get("TriageStepBaseline", activeKeys.Count));
        var baselineWindow = new TrailWindow(baselineSince, since);
        var baselines = await Task.WhenAll(activeKeys.Select(async k =>
        {
            var read = await sources.LookupAsync(LookupQuery.AccessKey(k, baselineWindow), ct).ConfigureAwait(false);
            return (Key: CandidateId.Key(k), Read: read);
        })).ConfigureAwait(false);
        gaps.AddRange(baselines.SelectMany(b => b.Read.Gaps));
        (state, var accountRead) = await account.ConfigureAwait(false);
        gaps.InsertRange(window.Gaps.Count, state.Gaps.Select(SourceGap.From));

        progress.Step("signs", Messages.Get("TriageStepSigns", recent.Count));
        var excludedUsers = new HashSet<string>(StringComparer.Ordinal);
        if (responder.Arn.Split(":user/", 2) is [_, var path]) excludedUsers.Add(path[(path.LastIndexOf('/') + 1)..]);
        var context = new TriageContext(state, since, recent,
            baselines.ToDictionary(b => b.Key, b => (IReadOnlyList<TrailRecord>)b.Read.Records.Where(e => e.EventTime < since).ToList()),
            sessionParents, excludedUsers);
        var signs = SignDetectors.All.SelectMany(d => d.Detect(context)).ToList();
        var candidates = CandidateRanking.Rank(signs, state);

        var result = new TriageResult(candidates, gaps, recent.Count, since, until);
        if (accountRead["from"]?.GetValue<string>() == "targeted reads") _targeted = new TargetedTriage(context, signs, result, baselineSince);
        await CandidatesFile.WriteAsync(@case, result, baselineSince, ct).ConfigureAwait(false);
        await @case.Journal.AppendAsync(TriageJournalKinds.Finished, new JsonObject
        {
            ["candidates"] = new JsonArray(candidates.Select(c => (JsonNode)c.Id.ToString()).ToArray()),
            ["counts"] = new JsonObject
            {
                ["records"] = recent.Count, ["candidates"] = candidates.Count,
                ["strong"] = candidates.Count(c => c.Strength == "strong"), ["gaps"] = gaps.Count,
            },
            ["account"] = accountRead,
        }, null, ct).ConfigureAwait(false);
        return result;
    }

    /// <summary>What a triage on targeted reads saw, kept to be checked against the whole snapshot.</summary>
    private sealed record TargetedTriage(TriageContext Context, IReadOnlyList<Sign> Signs, TriageResult Result, DateTimeOffset BaselineSince);

    private TargetedTriage? _targeted;

    /// <summary>
    /// After a triage on targeted reads, once the whole snapshot is in the case: the same events looked at against it. A sign
    /// only the snapshot shows (a key created on an old user whose CreateAccessKey CloudTrail had not delivered yet) is added
    /// and the candidates ranked again, candidates.json rewritten and <c>triage.updated</c> journaled; the targeted reads'
    /// signs are kept (a snapshot with gaps shows less, never more). Null when the snapshot adds nothing (journaled too), or
    /// when this runner did not triage on targeted reads.
    /// </summary>
    public async Task<TriageResult?> ReconcileAsync(CancellationToken ct = default)
    {
        if (_targeted is not { } early) return null;
        _targeted = null;
        var snapshot = await AccountSnapshot.BuildAsync(@case, ct).ConfigureAwait(false);
        var context = new TriageContext(snapshot, early.Context.Since, early.Context.Recent, early.Context.Baselines,
            early.Context.SessionParents, early.Context.ExcludedUsers);
        var seen = early.Signs.Select(s => (s.Kind, s.Candidate)).ToHashSet();
        var added = SignDetectors.All.SelectMany(d => d.Detect(context)).Where(s => !seen.Contains((s.Kind, s.Candidate))).ToList();
        if (added.Count == 0)
        {
            await @case.Journal.AppendAsync(TriageJournalKinds.Reconciled, new JsonObject { ["added"] = 0 }, null, ct).ConfigureAwait(false);
            return null;
        }
        // Whose each key is: what the targeted reads learnt, and what the snapshot adds.
        foreach (var key in early.Context.State.AccessKeys.Where(k => snapshot.AccessKeys.All(s => s.AccessKeyId != k.AccessKeyId)))
            snapshot.AccessKeys.Add(key);
        var candidates = CandidateRanking.Rank([.. early.Signs, .. added], snapshot);
        var result = early.Result with { Candidates = candidates };
        await CandidatesFile.WriteAsync(@case, result, early.BaselineSince, ct).ConfigureAwait(false);
        await @case.Journal.AppendAsync(TriageJournalKinds.Updated, new JsonObject
        {
            ["candidates"] = new JsonArray(candidates.Select(c => (JsonNode)c.Id.ToString()).ToArray()),
            ["added"] = new JsonArray(added.Select(s => (JsonNode)$"{s.Kind} {s.Candidate}").ToArray()),
        }, null, ct).ConfigureAwait(false);
        return result;
    }

    /// <summary>
    /// The account the signs are read against. The finished snapshot when the case holds one; while it is still recorded,
    /// targeted reads (<see cref="TriageState"/>) — unless the events could not all be read (then the signs of the state
    /// alone must carry triage, and only the whole snapshot shows all of it) or a targeted read failed: then triage says
    /// so and waits for the snapshot. How the account was read is the second value (journaled with triage.finished).
    /// </summary>
    private async Task<(AccountSnapshot State, JsonObject Read)> AccountStateAsync(AccountSnapshot regions, DateTimeOffset since,
        IReadOnlyList<TrailRecord> recent, bool eventsMissing, IInvestigationProgress progress, CancellationToken ct)
    {
        if (options.SnapshotUnderway is not { } underway) return (regions, new JsonObject { ["from"] = "snapshot" });
        var read = new JsonObject { ["from"] = "snapshot", ["waited"] = true };
        if (eventsMissing)
        {
            read["because"] = "events unread";
            progress.Step("resolve", Messages.Get("TriageWaitsEventsUnread"));
        }
        else
        {
            var (targeted, failed) = await TriageState.ReadAsync(aws, regions.Regions, since, recent, options.Time, ct).ConfigureAwait(false);
            if (targeted is not null) return (targeted, new JsonObject { ["from"] = "targeted reads" });
            read["because"] = $"{failed!.Service}:{failed.Operation} {failed.Code}";
            progress.Step("resolve", Messages.Get("TriageWaitsTargetedReadFailed", $"{failed.Service}:{failed.Operation}", failed.Code));
        }
        await underway(ct).ConfigureAwait(false);
        progress.Step("resolve", Messages.Get("InvestigationStepResolve"));
        return (await AccountSnapshot.BuildAsync(@case, ct).ConfigureAwait(false), read);
    }

    /// <summary>Temporary key → the long-term key that minted it, following chains of sessions minted by sessions.</summary>
    private static Dictionary<string, string> SessionParents(IEnumerable<TrailRecord> records)
    {
        var direct = records.SelectMany(MintedCredential.From).Where(m => m.Kind == IdentityKind.SessionKey && m.Event.AccessKeyId is not null)
            .GroupBy(m => m.Name, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First().Event.AccessKeyId!, StringComparer.Ordinal);
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var session in direct.Keys)
        {
            var parent = direct[session];
            for (var hops = 0; hops < 10 && !parent.StartsWith("AKIA", StringComparison.Ordinal) && direct.TryGetValue(parent, out var next); hops++)
                parent = next;
            if (parent.StartsWith("AKIA", StringComparison.Ordinal)) result[session] = parent;
        }
        return result;
    }
}
