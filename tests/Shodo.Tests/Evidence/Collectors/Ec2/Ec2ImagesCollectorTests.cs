using Amazon.Runtime;
using Shodo.Aws.Connection;
using Shodo.Aws.Safety;
using Shodo.Cases;
using Shodo.Evidence;
using Shodo.Evidence.Collectors.Ec2;
using Shodo.Evidence.Snapshot;
using Shodo.Range;
using Shodo.Range.Admin;
using Shodo.Range.State.Ec2;
using Shodo.Tests.Aws;

namespace Shodo.Tests.Evidence.Collectors.Ec2;

/// <summary>
/// The AMI collector against the range: each image the account owns comes into the snapshot with its creation date, public
/// flag, the snapshot behind each disk and who may launch it (an outside account, <c>all</c>), so an image shared out is seen
/// without the attacker's event; bounded per region to the newest, with the rest one named gap, not a silent omission.
/// </summary>
public sealed class Ec2ImagesCollectorTests : IAsyncLifetime
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

    /// <summary>Images created <paramref name="hoursAgo"/> hours before now, each launchable by <paramref name="sharedWith"/>.</summary>
    private void Seed(params (string Id, int HoursAgo, string[] SharedWith)[] images)
    {
        var state = _range.State;
        lock (state.Sync)
            foreach (var (id, hoursAgo, sharedWith) in images)
            {
                var image = new Image
                {
                    ImageId = id, Name = "backup-" + id, OwnerId = state.AccountId, CreationDate = state.Clock.Now.AddHours(-hoursAgo),
                    AvailableAt = state.Clock.Now.AddHours(-hoursAgo),
                };
                image.BlockDeviceMappings.Add(new ImageBlockDevice("/dev/xvda", "snap-" + id[4..], 8, "gp3", false));
                image.LaunchPermissions.AddRange(sharedWith);
                state.Ec2(Region).Images.Add(image);
            }
    }

    private async Task<(CollectionResult Result, AccountSnapshot Snapshot)> CollectAsync(Ec2ImagesCollector collector)
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
        return operations.TryGetPropertyValue("ec2:DescribeImageAttribute", out var n) ? (int)n! : 0;
    }

    [Fact]
    public async Task An_image_shared_out_or_public_is_in_the_snapshot_with_who_may_launch_it_since_when_and_its_disks()
    {
        Seed(("ami-0000000000000e001", 2, [Outside]), ("ami-0000000000000e002", 3, ["all"]), ("ami-0000000000000e003", 4, []));

        var (result, snapshot) = await CollectAsync(new Ec2ImagesCollector());

        Assert.Empty(result.Gaps);
        Assert.Empty(snapshot.Gaps);
        var images = snapshot.Images.ToDictionary(i => i.ImageId);
        Assert.Equal([Outside], images["ami-0000000000000e001"].LaunchPermissions);
        Assert.False(images["ami-0000000000000e001"].Public);
        Assert.Equal(["all"], images["ami-0000000000000e002"].LaunchPermissions);
        Assert.True(images["ami-0000000000000e002"].Public);
        Assert.Equal([], images["ami-0000000000000e003"].LaunchPermissions);
        Assert.Equal(["snap-0000000000000e001"], images["ami-0000000000000e001"].SnapshotIds);
        Assert.Equal(("backup-ami-0000000000000e001", "available", Region),
            (images["ami-0000000000000e001"].Name, images["ami-0000000000000e001"].State, images["ami-0000000000000e001"].Region));
        DateTimeOffset now;
        lock (_range.State.Sync) now = _range.State.Clock.Now;
        Assert.Equal(now.AddHours(-2), images["ami-0000000000000e001"].CreationDate!.Value, TimeSpan.FromSeconds(1));
        Assert.Equal(3, Asked());
    }

    [Fact]
    public async Task Past_the_bound_only_the_newest_are_asked_and_the_rest_are_one_gap_naming_how_many_and_from_when()
    {
        Seed(("ami-0000000000000e011", 1, [Outside]), ("ami-0000000000000e012", 5, []), ("ami-0000000000000e013", 30, [Outside]),
            ("ami-0000000000000e014", 40, ["all"]));

        var (result, snapshot) = await CollectAsync(new Ec2ImagesCollector(permissionsPerRegion: 2));

        Assert.Equal(2, Asked());
        var read = snapshot.Images.ToDictionary(i => i.ImageId);
        Assert.Equal(4, read.Count);
        Assert.Equal([Outside], read["ami-0000000000000e011"].LaunchPermissions);
        Assert.NotNull(read["ami-0000000000000e012"].LaunchPermissions);
        Assert.Null(read["ami-0000000000000e013"].LaunchPermissions); // not asked: unknown, not "not shared"
        Assert.Null(read["ami-0000000000000e014"].LaunchPermissions);
        Assert.True(read["ami-0000000000000e014"].Public); // DescribeImages still says it is public
        var gap = Assert.Single(result.Gaps);
        Assert.Equal((GapKinds.Bounded, "DescribeImageAttribute", Region), (gap.Kind, gap.Operation, gap.Region));
        Assert.Equal(2, (int)gap.Parameters!["NotAsked"]!);
        Assert.Contains("2 newest", gap.Message);
        Assert.Contains(read["ami-0000000000000e013"].CreationDate!.Value.ToString("yyyy-MM-ddTHH:mm"), gap.Message);
        Assert.False(result.Complete);
    }
}
