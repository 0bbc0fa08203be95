using Microsoft.Extensions.Time.Testing;
using Shodo.Aws;
using Shodo.Aws.CloudTrail;
using Shodo.Aws.Resilience;

namespace Shodo.Tests.Aws;

/// <summary>Documented request rates are kept on the client side, per region, on the injected clock.</summary>
public class RequestRateTests
{
    [Fact]
    public async Task LookupEvents_starts_at_most_two_requests_per_second_per_region_with_headroom()
    {
        var time = new FakeTimeProvider(DateTimeOffset.Parse("2026-11-28T00:00:00Z"));
        var limits = new RequestRateLimits(time);
        var lookup = CloudTrailOperations.LookupEvents;
        var gap = TimeSpan.FromSeconds(RequestRateLimits.Headroom / 2);

        await limits.WaitTurnAsync(lookup, "us-east-1", default);
        var start = time.GetUtcNow();
        var second = limits.WaitTurnAsync(lookup, "us-east-1", default);
        var third = limits.WaitTurnAsync(lookup, "us-east-1", default);
        Assert.True(limits.WaitTurnAsync(lookup, "eu-west-1", default).IsCompleted, "regions are independent");

        var secondAt = await Granted(second);
        var thirdAt = await Granted(third);
        Assert.True(secondAt - start >= gap, $"second after {secondAt - start}");
        Assert.True(thirdAt - secondAt >= gap, $"third {thirdAt - secondAt} after the second");
        Assert.True(thirdAt - start > TimeSpan.FromSeconds(1), "never three requests within one second");

        async Task<DateTimeOffset> Granted(Task turn)
        {
            while (!turn.IsCompleted)
            {
                time.Advance(TimeSpan.FromMilliseconds(1));
                await Task.Delay(1);
            }
            await turn;
            return time.GetUtcNow();
        }
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
