using Microsoft.Extensions.Time.Testing;
using Shodo.Aws;
using Shodo.Aws.CloudTrail;
using Shodo.Aws.Resilience;

namespace Shodo.Tests.Aws;

/// <summary>Documented request rates are kept on the client side, per region, on the injected clock.</summary>
public class RequestRateTests
{
    [Fact]
    public async Task LookupEvents_starts_at_most_two_requests_per_second_per_region()
    {
        var time = new FakeTimeProvider(DateTimeOffset.Parse("2026-11-28T00:00:00Z"));
        var limits = new RequestRateLimits(time);
        var lookup = CloudTrailOperations.LookupEvents;

        var first = limits.WaitTurnAsync(lookup, "us-east-1", default);
        var second = limits.WaitTurnAsync(lookup, "us-east-1", default);
        var third = limits.WaitTurnAsync(lookup, "us-east-1", default);
        var otherRegion = limits.WaitTurnAsync(lookup, "eu-west-1", default);

        Assert.True(first.IsCompleted);
        Assert.True(otherRegion.IsCompleted);
        Assert.False(second.IsCompleted);
        time.Advance(TimeSpan.FromMilliseconds(499));
        Assert.False(second.IsCompleted);
        time.Advance(TimeSpan.FromMilliseconds(1));
        await second;
        Assert.False(third.IsCompleted);
        time.Advance(TimeSpan.FromMilliseconds(500));
        await third;
    }

    [Fact]
    public void Operations_without_a_documented_limit_never_wait()
    {
        var limits = new RequestRateLimits(new FakeTimeProvider());
        var describe = AwsOperation.Of("ec2", "DescribeInstances");
        for (var i = 0; i < 100; i++)
            Assert.True(limits.WaitTurnAsync(describe, "us-east-1", default).IsCompleted);
    }
}
