using Shodo.Range.State;

namespace Shodo.Range.Scenarios;

/// <summary>One call the timeline makes, at an offset from the start (negative: in the past).</summary>
public sealed record PlannedCall(TimeSpan At, string ActorName, ActorSpec Actor, string Credential, string Service,
    string Operation, string Region, IReadOnlyDictionary<string, object> Params, string? Save, string? ExpectError,
    IReadOnlyDictionary<string, string> Variables);

/// <summary>
/// Expands a scenario's timeline and routines into calls in time order: steps repeated per region,
/// routines repeated every interval with seeded jitter (±20%), their calls seconds apart.
/// </summary>
public static class ScenarioTimeline
{
    public static IReadOnlyList<PlannedCall> Expand(ScenarioFile file, RangeState state, DateTimeOffset start)
    {
        var random = new Random(file.Seed);
        var calls = new List<PlannedCall>();
        foreach (var step in file.Timeline)
            calls.AddRange(Step(file, state, step, RelativeTime.Parse(step.At)));
        foreach (var routine in file.Routines)
        {
            var every = RelativeTime.Parse(routine.Every);
            var to = RelativeTime.Parse(routine.To);
            for (var t = RelativeTime.Parse(routine.From); t < to; t += every)
            {
                var at = t + every * ((random.NextDouble() - 0.5) * 0.4);
                // Draw every gap first, so that which occurrences fall in office hours (which depends on
                // the real start time) does not change the random sequence of the others.
                var gaps = routine.Calls.Select(_ => TimeSpan.FromSeconds(random.Next(2, 15))).ToList();
                if (routine.HoursUtc is [var from, var until] && !InHours((start + at).UtcDateTime.Hour, from, until))
                    continue;
                for (var n = 0; n < routine.Calls.Count; n++)
                {
                    var call = routine.Calls[n];
                    calls.AddRange(Step(file, state, new StepSpec
                    {
                        Actor = call.Actor.Length > 0 ? call.Actor : routine.Actor, Call = call.Call, Region = call.Region,
                        Regions = call.Regions, Params = call.Params, Credential = call.Credential,
                        ExpectError = call.ExpectError,
                    }, at));
                    at += gaps[n];
                }
            }
        }
        if (calls.FirstOrDefault(c => c.At > TimeSpan.Zero) is { } future)
            throw new ScenarioException($"{future.Service}:{future.Operation} at {future.At} is in the future");
        return calls.OrderBy(c => c.At).ToList();
    }

    private static bool InHours(int hour, int from, int until) =>
        from <= until ? hour >= from && hour < until : hour >= from || hour < until;

    private static IEnumerable<PlannedCall> Step(ScenarioFile file, RangeState state, StepSpec step, TimeSpan at)
    {
        if (!file.Actors.TryGetValue(step.Actor, out var actor))
            throw new ScenarioException($"Step {step.Call} at {step.At}: no actor '{step.Actor}'");
        var parts = step.Call.Split(':', 2);
        if (parts.Length != 2) throw new ScenarioException($"'{step.Call}' is not service:Operation");
        var regions = step.Regions switch
        {
            null or [] => [step.Region ?? DefaultRegion(state, parts[0], step.Params)],
            ["enabled"] => state.Regions.Enabled.Select(r => r.Name).ToList(),
            _ => step.Regions,
        };
        var spacing = RelativeTime.Parse(step.Spacing ?? "20s");
        foreach (var region in regions)
        {
            var variables = new Dictionary<string, string>(StringComparer.Ordinal)
            {
                ["region"] = region, ["account"] = state.AccountId,
            };
            yield return new PlannedCall(at, step.Actor, actor, step.Credential ?? actor.Credential, parts[0], parts[1],
                region, step.Params, step.Save, step.ExpectError, variables);
            at += spacing;
        }
    }

    /// <summary>S3 calls go to the bucket's region; everything else defaults to us-east-1.</summary>
    private static string DefaultRegion(RangeState state, string service, Dictionary<string, object> parameters) =>
        service == "s3" && parameters.TryGetValue("Bucket", out var b) && state.FindBucket(b.ToString()!) is { } bucket
            ? bucket.Region
            : "us-east-1";
}
