using Amazon.Runtime;
using Shodo.Aws.Connection;
using Shodo.Cases;
using Shodo.Configuration;
using Shodo.Containment;
using Shodo.Range;
using Shodo.Response;
using Shodo.Response.Steps;
using Shodo.Tests.Aws;
using Shodo.Tests.Cases;

namespace Shodo.Tests.Response;

/// <summary>
/// Events arrive late. The attacker launches instances just before the response, and the range delivers their
/// events only later (as CloudTrail does minutes after a call): the first containment cannot attribute them, and
/// the watch, reading the events again once they are delivered, contains them before the response ends.
/// </summary>
public sealed class WatchTests : IAsyncLifetime
{
    private RangeHost _range = null!;
    private readonly TempFolder _cases = new();

    public async Task InitializeAsync() => _range = await RangeHost.StartAsync(new RangeOptions
    {
        Port = 0, Scenario = "leaked-key-cryptomining", Adversary = true, AdversaryInterval = Timeout.InfiniteTimeSpan,
        EventDelay = TimeSpan.FromMinutes(10), // the seeded attack (hours ago) is delivered; the attacker's next moves are not, yet
    });

    public async Task DisposeAsync()
    {
        await _range.DisposeAsync();
        _cases.Dispose();
    }

    [Fact]
    public async Task Instances_whose_launch_events_arrive_late_are_contained_within_the_watch()
    {
        var before = Instances().Select(i => i.Id).ToHashSet();
        await _range.Adversary!.TickAsync();
        var late = Instances().Where(i => !before.Contains(i.Id)).Select(i => i.Id).ToList();
        Assert.NotEmpty(late);

        // The delivery catches up while the response watches (CloudTrail's minutes, here the watch's first look).
        var progress = new DeliveryOnWatch(_range);
        var result = await FirstResponse.RunAsync(RangeResponseOptions.For(_range, _cases.Path, new ResponseRequest
        {
            AccessKeyId = _range.GroundTruth!.LeakedAccessKeyId, ApplyWithinAuthority = true,
            Watch = TimeSpan.FromSeconds(4), WatchInterval = TimeSpan.FromSeconds(1),
        }), TimeProvider.System, progress, CancellationToken.None);

        var journal = JournalReader.Read(result.Folder).ToList();
        var watchStarted = journal.FindIndex(e => e.Kind == "respond.step.started" && (string?)e.Data["step"] == WatchStep.StepName);
        Assert.True(watchStarted > 0);
        foreach (var id in late)
        {
            var target = journal.FindIndex(e => e.Kind == ContainmentJournalKinds.Changed
                                                && ((string?)e.Data["target"])?.EndsWith(":" + id, StringComparison.Ordinal) == true);
            Assert.True(target > watchStarted, $"{id} was contained at journal entry {target}, the watch began at {watchStarted}");
            Assert.Contains(Instances(), i => i.Id == id && i.State is "stopping" or "stopped");
        }
        Assert.True(CaseVerifier.Verify(result.CaseDirectory).Intact);
    }

    private List<(string Id, string State)> Instances()
    {
        lock (_range.State.Sync)
            return _range.State.Ec2Regions.SelectMany(r => r.Instances).Select(i => (i.InstanceId, i.State)).ToList();
    }

    /// <summary>Lets the range deliver every event once the watch begins.</summary>
    private sealed class DeliveryOnWatch(RangeHost range) : IResponseProgress
    {
        public void StepStarted(string step)
        {
            if (step != WatchStep.StepName) return;
            lock (range.State.Sync) range.State.EventDelay = TimeSpan.Zero;
        }
        public void StepFinished(string step, StepResult result) { }
        public void Note(string step, string message) { }
        public void Planned(IReadOnlyList<string> steps) { }
        public void Region(string step, RegionProgress region) { }
        public void Waiting(WaitingItem item) { }
        public void WaitingCleared(string id) { }
    }
}
