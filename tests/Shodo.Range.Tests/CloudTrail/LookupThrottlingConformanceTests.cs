using Microsoft.Extensions.Time.Testing;
using Shodo.Range.Tests.Infrastructure;

namespace Shodo.Range.Tests.CloudTrail;

/// <summary>A range whose clock stands still, so calls made seconds apart in real time share one simulated second.</summary>
public sealed class FrozenClockRangeFixture : RangeFixture
{
    public FakeTimeProvider Time { get; } = new(DateTimeOffset.UtcNow);
    protected override RangeOptions Options => new() { Port = 0, TimeProvider = Time };
}

/// <summary>AWS allows LookupEvents 2 calls per second per account per region; the real CLI sees the third refused.</summary>
public sealed class LookupThrottlingConformanceTests(FrozenClockRangeFixture fixture) : IClassFixture<FrozenClockRangeFixture>
{
    [Fact]
    public async Task A_third_LookupEvents_call_within_one_second_in_one_region_is_throttled()
    {
        await fixture.Cli.OkAsync("cloudtrail", "lookup-events", "--max-results", "1");
        await fixture.Cli.OkAsync("cloudtrail", "lookup-events", "--max-results", "1");
        await fixture.Cli.FailsWithAsync("ThrottlingException", "cloudtrail", "lookup-events", "--max-results", "1");
        await fixture.Cli.InRegion("eu-west-1").OkAsync("cloudtrail", "lookup-events", "--max-results", "1");

        fixture.Time.Advance(TimeSpan.FromSeconds(1));
        await fixture.Cli.OkAsync("cloudtrail", "lookup-events", "--max-results", "1");
    }
}
