using Shodo.Range.State.CloudTrail;

namespace Shodo.Range.Tests.CloudTrail;

/// <summary>AWS's 2 LookupEvents per second per region, on the range's clock.</summary>
public sealed class LookupRateLimitTests
{
    private static readonly DateTimeOffset Noon = new(2026, 12, 6, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Two_calls_a_second_per_region_are_accepted_and_a_third_is_refused_until_the_second_has_passed()
    {
        var limit = new LookupRateLimit();
        Assert.True(limit.TryAcquire("us-east-1", Noon));
        Assert.True(limit.TryAcquire("us-east-1", Noon.AddMilliseconds(100)));
        Assert.False(limit.TryAcquire("us-east-1", Noon.AddMilliseconds(900)));
        Assert.True(limit.TryAcquire("eu-west-1", Noon.AddMilliseconds(900)));
        Assert.True(limit.TryAcquire("us-east-1", Noon.AddMilliseconds(1000)));
    }

    [Fact]
    public void A_clock_set_back_by_loading_a_saved_state_does_not_refuse_every_call_until_it_catches_up()
    {
        var limit = new LookupRateLimit();
        Assert.True(limit.TryAcquire("us-east-1", Noon));
        Assert.True(limit.TryAcquire("us-east-1", Noon));
        var loaded = Noon.AddHours(-1);
        Assert.True(limit.TryAcquire("us-east-1", loaded));
        Assert.True(limit.TryAcquire("us-east-1", loaded.AddMilliseconds(10)));
        Assert.False(limit.TryAcquire("us-east-1", loaded.AddMilliseconds(20)));
    }
}
