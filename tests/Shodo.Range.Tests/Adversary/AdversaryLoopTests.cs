namespace Shodo.Range.Tests.Adversary;

/// <summary>The adversary acts on its own every interval while the range runs, and stops with the host.</summary>
public sealed class AdversaryLoopTests
{
    [Fact]
    public async Task It_acts_every_interval_and_stops_when_the_range_is_disposed()
    {
        var range = await RangeHost.StartAsync(new RangeOptions
        {
            Port = 0, Scenario = "leaked-key-cryptomining", Adversary = true,
            AdversaryInterval = TimeSpan.FromMilliseconds(50),
        });
        var adversary = range.Adversary!;
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (adversary.Status.Ticks < 2 && DateTime.UtcNow < deadline) await Task.Delay(20);
        Assert.True(adversary.Status.SuccessfulCalls > 0);
        Assert.NotNull(adversary.Status.LastSuccessAt);

        await range.DisposeAsync();
        var ticks = adversary.Status.Ticks;
        await Task.Delay(200);
        Assert.Equal(ticks, adversary.Status.Ticks);
        Assert.Null(adversary.Status.LastLoopError);
    }

    [Fact]
    public async Task A_range_without_the_option_has_no_adversary()
    {
        await using var range = await RangeHost.StartAsync(new RangeOptions { Port = 0, Scenario = "leaked-key-cryptomining" });
        Assert.Null(range.Adversary);
    }
}
