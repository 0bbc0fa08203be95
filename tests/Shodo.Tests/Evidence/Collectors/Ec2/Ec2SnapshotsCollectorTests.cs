using Amazon.Runtime;
using Shodo.Aws.Connection;
using Shodo.Aws.Safety;
using Shodo.Cases;
using Shodo.Evidence;
using Shodo.Evidence.Collectors.Ec2;
using Shodo.Evidence.Snapshot;
using Shodo.Range;
using Shodo.Range.Admin;
using Shodo.Tests.Aws;

namespace Shodo.Tests.Evidence.Collectors.Ec2;

/// <summary>
/// The EBS snapshot collector against the range: each snapshot the account owns comes into the snapshot with its start time
/// and who may create a volume from it (an outside account, <c>all</c>), so a snapshot shared out is seen without the
/// attacker's event; bounded per region to the newest, with the rest one named gap, not a silent omission.
/// </summary>
public sealed class Ec2SnapshotsCollectorTests : IAsyncLifetime
{
    private const string Region = "ap-northeast-1", Outside = "999988887777";
    private RangeHost _range = null!;
    private readonly string _root = Path.Combine(Path.GetTempPath(), "shodo-tests", Guid.NewGuid().ToString("N"));

    public async Task InitializeAsync() => _range = await RangeHost.StartAsync(new RangeOptions { Port = 0 });

    public async Task DisposeAsync()
    {
        await _range.DisposeAsync();
        if (Directory.Exists(_root)) Directory.Delete(_root, recursive: true);
    }

    /// <summary>Snapshots started <paramref name="hoursAgo"/> hours before now, each open to <paramref name="sharedWith"/>.</summary>
    private void Seed(params (string Id, int HoursAgo, string[] SharedWith)[] snapshots)
    {
        var state = _range.State;
        lock (state.Sync)
            foreach (var (id, hoursAgo, sharedWith) in snapshots)
            {
                var snapshot = new Shodo.Range.State.Ec2.Snapshot
                {
                    SnapshotId = id, VolumeId = "vol-0000000000000a000", VolumeSize = 8, StartTime = state.Clock.Now.AddHours(-hoursAgo),
                    OwnerId = state.AccountId, CompletesAt = state.Clock.Now,
                };
                snapshot.CreateVolumePermissions.AddRange(sharedWith);
                state.Ec2(Region).Snapshots.Add(snapshot);
            }
    }

    private async Task<(CollectionResult Result, AccountSnapshot Snapshot)> CollectAsync(Ec2SnapshotsCollector collector)
    {
        using var @case = Case.Open(_root);
        using var aws = await AwsConnection.OpenAsync(new AwsConnectionOptions
        {
            Credentials = new BasicAWSCredentials(_range.Responder.AccessKeyId, _range.Responder.SecretAccessKey),
            Region = "us-east-1", EndpointUrl = _range.Url, Retry = TestConnections.QuickRetry,
            RefusalSink = new JournalRefusalSink(@case.Journal),
        });
        var result = await new CollectionRunner(aws, @case, new CollectionOptions { Regions = [Region], Collectors = [collector] }).RunAsync();
        return (result, await AccountSnapshot.BuildAsync(@case, CancellationToken.None));
    }

    private int Asked()
    {
        var operations = CallCounters.Compute(_range.State)["operations"]!.AsObject();
        return operations.TryGetPropertyValue("ec2:DescribeSnapshotAttribute", out var n) ? (int)n! : 0;
    }

    [Fact]
    public async Task A_snapshot_shared_out_or_public_is_in_the_snapshot_with_who_may_create_a_volume_from_it_and_since_when()
    {
        Seed(("snap-0000000000000e001", 2, [Outside]), ("snap-0000000000000e002", 3, ["all"]), ("snap-0000000000000e003", 4, []));

        var (result, snapshot) = await CollectAsync(new Ec2SnapshotsCollector());

        Assert.Empty(result.Gaps);
        Assert.Empty(snapshot.Gaps);
        var shared = snapshot.EbsSnapshots.ToDictionary(s => s.SnapshotId);
        Assert.Equal([Outside], shared["snap-0000000000000e001"].CreateVolumePermissions);
        Assert.Equal(["all"], shared["snap-0000000000000e002"].CreateVolumePermissions);
        Assert.Equal([], shared["snap-0000000000000e003"].CreateVolumePermissions);
        DateTimeOffset now;
        lock (_range.State.Sync) now = _range.State.Clock.Now;
        Assert.Equal(now.AddHours(-2), shared["snap-0000000000000e001"].StartTime!.Value, TimeSpan.FromSeconds(1));
        Assert.Equal(3, Asked());
    }

    [Fact]
    public async Task Past_the_bound_only_the_newest_are_asked_and_the_rest_are_one_gap_naming_how_many_and_from_when()
    {
        Seed(("snap-0000000000000e011", 1, [Outside]), ("snap-0000000000000e012", 5, []), ("snap-0000000000000e013", 30, [Outside]),
            ("snap-0000000000000e014", 40, []));

        var (result, snapshot) = await CollectAsync(new Ec2SnapshotsCollector(permissionsPerRegion: 2));

        Assert.Equal(2, Asked());
        var read = snapshot.EbsSnapshots.ToDictionary(s => s.SnapshotId);
        Assert.Equal(4, read.Count);
        Assert.Equal([Outside], read["snap-0000000000000e011"].CreateVolumePermissions);
        Assert.NotNull(read["snap-0000000000000e012"].CreateVolumePermissions);
        Assert.Null(read["snap-0000000000000e013"].CreateVolumePermissions); // not asked: unknown, not "not shared"
        Assert.Null(read["snap-0000000000000e014"].CreateVolumePermissions);
        var gap = Assert.Single(result.Gaps);
        Assert.Equal((GapKinds.Bounded, "DescribeSnapshotAttribute", Region), (gap.Kind, gap.Operation, gap.Region));
        Assert.Equal(2, (int)gap.Parameters!["NotAsked"]!);
        Assert.Contains("2 newest", gap.Message);
        Assert.False(result.Complete);
    }
}
