using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Shodo.Sigma;
using Shodo.Sigma.Matching;
using Shodo.Trail;
using Shodo.Trail.Archives;
using Shodo.Trail.Digests;

namespace Shodo.Hunting;

/// <summary>
/// The local hunt: streams a trail archive (<see cref="TrailArchiveReader"/>, several files at once,
/// one record at a time) and evaluates every CloudTrail rule on every record in the time window.
/// Matches go to the sink as they are found; memory is bounded by the files in flight. The archive's
/// digests are validated against the log files as they are read (<see cref="TrailDigestCheck"/>): a file
/// changed or deleted after CloudTrail delivered it is named in the summary.
/// </summary>
public sealed class HuntRunner(IReadOnlyList<SigmaRule> rules, ITrailLogStore store, HuntOptions? options = null)
{
    private readonly HuntOptions _options = options ?? new HuntOptions();

    /// <summary>The rules a hunt over CloudTrail evaluates: those whose logsource is CloudTrail.</summary>
    public static IReadOnlyList<SigmaRule> CloudTrailRules(SigmaRuleSet set) =>
        set.Rules.Where(r => r.LogSource.IsCloudTrail).ToList();

    public async Task<HuntSummary> RunAsync(IHuntMatchSink sink, ITrailProblemSink? problems = null,
        IProgress<TrailArchiveProgress>? progress = null, CancellationToken ct = default)
    {
        var list = new TrailProblemList();
        ITrailProblemSink reported = problems is null ? list : new BothSinks(list, problems);
        var digests = new TrailDigestCheck(store.Location, _options.DigestKeys, reported);
        await digests.BesideAsync(store, ct);
        var reader = new TrailArchiveReader(store, reported, _options.ToArchiveOptions() with { Seen = digests.Seen });
        var counts = new long[rules.Count];
        long outside = 0;
        var windowed = _options.Since is not null || _options.Until is not null;
        var clock = Stopwatch.StartNew();

        var coverage = await reader.VisitAsync(file => (record, index) =>
        {
            if (windowed && !InWindow(record))
            {
                Interlocked.Increment(ref outside);
                return;
            }
            var context = new MatchContext(record);
            for (var i = 0; i < rules.Count; i++)
            {
                if (!rules[i].Matches(context)) continue;
                Interlocked.Increment(ref counts[i]);
                sink.Write(HuntMatch.From(rules[i], record, file.Name, index));
            }
        }, progress, ct);

        var checkedDigests = await digests.ValidateAsync(ct);
        return new HuntSummary(coverage.Records, coverage.Records - outside,
            rules.Select((r, i) => new HuntRuleCount(r, counts[i])).ToList(), coverage, list.Snapshot(), clock.Elapsed) { Digests = checkedDigests };
    }

    private bool InWindow(JsonElement record)
    {
        if (!record.TryGetProperty("eventTime", out var t) || t.ValueKind != JsonValueKind.String
            || !DateTimeOffset.TryParse(t.GetString(), CultureInfo.InvariantCulture,
                DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var time))
            return false;
        return (_options.Since is not { } since || time >= since) && (_options.Until is not { } until || time < until);
    }

    private sealed class BothSinks(ITrailProblemSink a, ITrailProblemSink b) : ITrailProblemSink
    {
        public void Report(TrailProblem problem)
        {
            a.Report(problem);
            b.Report(problem);
        }
    }
}
