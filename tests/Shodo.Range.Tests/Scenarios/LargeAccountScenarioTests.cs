using Shodo.Range.Scenarios;

namespace Shodo.Range.Tests.Scenarios;

/// <summary>
/// <c>large-account</c>'s generator, at a small size to stay fast: the background is generated, the
/// leaked-key story is played on top and its ground truth still resolves. The full size (3,000 users,
/// 5,000 instances, 1,000,000 events) is measured by the benchmark, not here.
/// </summary>
public sealed class LargeAccountScenarioTests
{
    [Fact]
    public async Task The_background_is_generated_and_the_story_is_played_on_top()
    {
        var time = new Microsoft.Extensions.Time.Testing.FakeTimeProvider(new DateTimeOffset(2026, 11, 28, 12, 0, 0, TimeSpan.Zero));
        await using var range = await RangeHost.StartAsync(new RangeOptions { Port = 0, TimeProvider = time });
        var scenario = new LargeAccountScenario(users: 200, instances: 300, events: 20_000);
        var loaded = await ScenarioLoader.LoadAsync(scenario, range.State, range.Dispatcher, time, CancellationToken.None);

        Assert.Equal(20_000, loaded.GeneratedRecords);
        lock (range.State.Sync)
        {
            Assert.True(range.State.Calls.Count >= 20_000 + loaded.PlayedCalls);
            Assert.Equal(300, range.State.Ec2Regions.Sum(r =>
                r.Instances.Count(i => r.Tags.Value(i.InstanceId, "Name")?.StartsWith("svc-", StringComparison.Ordinal) == true)));
            Assert.True(range.State.Iam.Users.Count > 200);
            Assert.Equal(time.GetUtcNow(), range.State.Clock.Now);
        }
        Assert.NotNull(loaded.GroundTruth);
        Assert.Equal("large-account", loaded.GroundTruth!.Scenario);
        Assert.Contains(loaded.GroundTruth.Events, e => e.EventName == "CreateUser");
    }
}
