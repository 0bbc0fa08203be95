using System.Text.Json.Nodes;
using Shodo.Range.State;

namespace Shodo.Range.Admin;

/// <summary>
/// Counts of served calls: per operation, per caller, and destructive calls per caller (Delete*,
/// Terminate*, Remove*, Deregister*, Purge*, Destroy* — attempts and successes), so tests can prove
/// that Shodo never deleted anything.
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
        };
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
                int peak = 0, start = 0;
                for (var end = 0; end < times.Count; end++)
                {
                    while (times[end] - times[start] >= TimeSpan.FromSeconds(1)) start++;
                    peak = Math.Max(peak, end - start + 1);
                }
                return KeyValuePair.Create(g.Key, (JsonNode?)new JsonObject
                {
                    ["calls"] = times.Count,
                    ["answered"] = g.Count(c => c.ErrorCode is null),
                    ["maxPerSecond"] = peak,
                    ["seconds"] = Math.Round((times[^1] - times[0]).TotalSeconds, 3),
                });
            }));
}
