using Microsoft.Extensions.Time.Testing;
using Shodo.Range.Admin;
using Shodo.Range.State;

namespace Shodo.Range.Tests.Hosting;

/// <summary>The counters' peak calls per second, per service and region: the number a benchmark holds against AWS's request rates.</summary>
public sealed class CallCountersTests
{
    private static readonly DateTimeOffset T0 = new(2026, 12, 7, 6, 0, 0, TimeSpan.Zero);

    private static CallRecord Call(string service, string region, double seconds) => new(
        Guid.NewGuid().ToString(), Guid.NewGuid().ToString(), T0.AddSeconds(seconds), service, $"{service}.amazonaws.com",
        service == "iam" ? "ListAccessKeys" : "DescribeInstances", region, null, "127.0.0.1", "test", true, null, null, null, null);

    [Fact]
    public void The_peak_is_the_most_calls_of_one_service_and_region_within_any_one_second()
    {
        var state = new RangeState("111122223333", new RangeClock(new FakeTimeProvider(T0)));
        lock (state.Sync)
        {
            // iam: 3 in the first second, then 4 within 0.9 s spanning the second boundary; ec2 in two regions, 2 and 1.
            foreach (var t in new[] { 0.0, 0.3, 0.6, 1.5, 1.7, 2.0, 2.4, 9.0 }) state.Calls.Add(Call("iam", "us-east-1", t));
            foreach (var t in new[] { 0.1, 0.2 }) state.Calls.Add(Call("ec2", "eu-west-1", t));
            state.Calls.Add(Call("ec2", "us-east-1", 0.1));
        }

        var peak = CallCounters.Compute(state)["peakPerSecond"]!.AsObject();

        Assert.Equal(4, (int)peak["iam us-east-1"]!);
        Assert.Equal(2, (int)peak["ec2 eu-west-1"]!);
        Assert.Equal(1, (int)peak["ec2 us-east-1"]!);
        Assert.Equal(3, peak.Count);
    }
}
