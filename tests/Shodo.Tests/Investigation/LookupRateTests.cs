using Shodo.Investigation;
using Shodo.Investigation.Model;
using Shodo.Range.State;

namespace Shodo.Tests.InvestigationTests;

/// <summary>
/// LookupEvents never faster than AWS's 2 requests per second in any region (the range's own record of
/// every call proves it), and throttling on the range loses no event.
/// </summary>
[Collection(LeakedKeyCollection.Name)]
public sealed class LookupRateTests(LeakedKeyScenarioCase scenario)
{
    private List<CallRecord> LookupCalls(int from, int to)
    {
        lock (scenario.Range.State.Sync)
            return scenario.Range.State.Calls.Skip(from).Take(to - from)
                .Where(c => c.EventName == "LookupEvents" && c.Caller?.AccessKeyId == scenario.Range.Responder.AccessKeyId).ToList();
    }

    [Fact]
    public void LookupEvents_never_exceeds_two_requests_per_second_in_any_region()
    {
        var calls = LookupCalls(scenario.FirstInvestigationCalls.From, scenario.FirstInvestigationCalls.To);
        Assert.NotEmpty(calls);
        Assert.True(calls.Select(c => c.Region).Distinct().Count() >= 17);
        Assert.True(calls.All(c => c.ErrorCode is null), string.Join("; ", calls.Where(c => c.ErrorCode is not null)
            .Select(c => $"{c.Region} {c.Time:HH:mm:ss.fff} {c.ErrorCode} {c.ErrorMessage} prev: {string.Join(",", calls.Where(x => x.Region == c.Region && x.Time <= c.Time && x.Time > c.Time.AddSeconds(-1.2)).Select(x => x.Time.ToString("ss.fff")))}")));
        foreach (var region in calls.GroupBy(c => c.Region))
        {
            var times = region.Select(c => c.Time).Order().ToList();
            for (var i = 2; i < times.Count; i++)
                Assert.True(times[i] - times[i - 2] >= TimeSpan.FromSeconds(1), $"{region.Key}: 3 calls within {times[i] - times[i - 2]}");
        }
    }

    [Fact]
    public async Task Throttling_loses_no_event()
    {
        var before = File.ReadAllLines(Path.Combine(scenario.CaseDirectory, InvestigationFiles.Timeline)).Length;
        try
        {
            var truth = scenario.Range.GroundTruth!;
            var (caseDirectory, result) = await scenario.CollectAndInvestigateAsync(new InvestigationOptions
            {
                AccessKeyId = truth.LeakedAccessKeyId, Sources = ["lookup"],
            }, () => scenario.Range.Faults.ThrottleRate = 0.3);
            var calls = LookupCalls(scenario.CallsBeforeInvestigation, scenario.CallsAfterInvestigation);
            Assert.Contains(calls, c => c.ErrorCode == "ThrottlingException");
            Assert.DoesNotContain(result.Gaps, g => g.Source.StartsWith("lookup:"));
            var timeline = File.ReadAllLines(Path.Combine(caseDirectory, InvestigationFiles.Timeline))
                .Select(l => (string)System.Text.Json.Nodes.JsonNode.Parse(l)!["eventId"]!).ToHashSet();
            foreach (var e in truth.Events.Where(e => e.EventCategory == "Management")) Assert.Contains(e.EventId, timeline);
            Assert.True(before >= timeline.Count);
        }
        finally
        {
            scenario.Range.Faults.ThrottleRate = 0;
        }
    }
}
