using System.Text.Json.Nodes;
using Shodo.Range.State;

namespace Shodo.Range.Admin;

/// <summary>
/// Counts of served calls: per operation, per caller, and destructive calls per caller (Delete*,
/// Terminate*, Remove*, Deregister*, Purge*, Destroy* — attempts and successes), so tests can prove
/// that Shodo never deleted anything; and the peak calls per second per service and region.
/// </summary>
public static class CallCounters
{
    private static readonly string[] DestructivePrefixes = ["Delete", "Terminate", "Remove", "Deregister", "Purge", "Destroy"];

    public static bool IsDestructive(string eventName) =>
        DestructivePrefixes.Any(p => eventName.StartsWith(p, StringComparison.Ordinal));

    public static JsonObject Compute(RangeState state)
    {
        List<CallRecord> calls;
        // An organisation's counts span every account; a cross-account AssumeRole's second record (as an AWSAccount) is not a second call.
        lock (state.Sync)
            calls = state.Organization is { } organization
                ? [.. organization.Accounts.SelectMany(a => a.State.Calls).Where(c => c.Caller?.Type != Caller.AwsAccount)]
                : [.. state.Calls];
        static JsonObject Count(IEnumerable<string> keys) =>
            new(keys.GroupBy(k => k).OrderBy(g => g.Key, StringComparer.Ordinal)
                .Select(g => KeyValuePair.Create(g.Key, (JsonNode?)g.Count())));
        static string Who(CallRecord c) => c.Caller?.Arn ?? "anonymous";
        var destructive = calls.Where(c => IsDestructive(c.EventName)).ToList();
        return new JsonObject
        {
            ["total"] = calls.Count,
            ["errors"] = calls.Count(c => c.ErrorCode is not null),
            ["operations"] = Count(calls.Select(c => $"{c.Service}:{c.EventName}")),
            ["callers"] = Count(calls.Select(Who)),
            ["destructive"] = Count(destructive.Where(c => c.ErrorCode is null).Select(Who)),
            ["destructiveAttempts"] = Count(destructive.Select(Who)),
            ["lookupEvents"] = LookupEvents(calls),
            ["peakPerSecond"] = PeakPerSecond(calls),
        };
    }

    /// <summary>
    /// Per service and region ("iam us-east-1", "ec2 eu-west-1"): the most calls that arrived in any one-second window — what
    /// AWS's request rates are per account and region, so a benchmark shows whether a client kept to them. Generated history
    /// (spread over months) never makes a peak; a run's burst does.
    /// </summary>
    private static JsonObject PeakPerSecond(List<CallRecord> calls) =>
        new(calls.GroupBy(c => $"{c.Service} {c.Region}").OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => KeyValuePair.Create(g.Key, (JsonNode?)Peak(g.Select(c => c.Time).Order().ToList()))));

    /// <summary>The most of <paramref name="times"/> (ordered) within any one second.</summary>
    private static int Peak(List<DateTimeOffset> times)
    {
        int peak = 0, start = 0;
        for (var end = 0; end < times.Count; end++)
        {
            while (times[end] - times[start] >= TimeSpan.FromSeconds(1)) start++;
            peak = Math.Max(peak, end - start + 1);
        }
        return peak;
    }

    /// <summary>
    /// LookupEvents per region: calls served (throttled ones included), calls answered, the most
    /// requests that arrived in any one-second window, and the span from first to last call — the
    /// numbers that prove a client keeps to CloudTrail's 2 requests per second per region.
    /// </summary>
    private static JsonObject LookupEvents(List<CallRecord> calls) =>
        new(calls.Where(c => c.EventName == "LookupEvents").GroupBy(c => c.Region).OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g =>
            {
                var times = g.Select(c => c.Time).Order().ToList();
                return KeyValuePair.Create(g.Key, (JsonNode?)new JsonObject
                {
                    ["calls"] = times.Count,
                    ["answered"] = g.Count(c => c.ErrorCode is null),
                    ["maxPerSecond"] = Peak(times),
                    ["seconds"] = Math.Round((times[^1] - times[0]).TotalSeconds, 3),
                });
            }));
}
