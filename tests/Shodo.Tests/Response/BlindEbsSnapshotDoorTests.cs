using Amazon.Runtime;
using Shodo.Aws.Connection;
using Shodo.Cases;
using Shodo.Configuration;
using Shodo.Drill;
using Shodo.Drill.Rehearsal;
using Shodo.Investigation.Model;
using Shodo.Investigation.Suspicion;
using Shodo.Range;
using Shodo.Response;
using Shodo.Tests.Aws;
using Shodo.Tests.Cases;

namespace Shodo.Tests.Response;

/// <summary>
/// <c>leaked-key-blind</c> on the range, in-process: the attacker's EBS snapshot shared out is seen from the recorded state
/// alone (no event read), suspected as started after the exposure began, and — with contain-suspected and close-data-door
/// granted — closed with the existing EBS door (ModifySnapshotAttribute removing the outside account); without
/// contain-suspected it is planned and left waiting for a person, still open.
/// </summary>
public sealed class BlindEbsSnapshotDoorTests : IAsyncLifetime
{
    private RangeHost _range = null!;
    private readonly TempFolder _cases = new();

    public async Task InitializeAsync() => _range = await RangeHost.StartAsync(new RangeOptions { Port = 0, Scenario = "leaked-key-blind" });

    public async Task DisposeAsync()
    {
        await _range.DisposeAsync();
        _cases.Dispose();
    }

    private async Task<CaseFolder> RespondAsync(ShodoConfiguration configuration)
    {
        var result = await FirstResponse.RunAsync(new FirstResponseOptions
        {
            Connection = new AwsConnectionOptions
            {
                Credentials = new BasicAWSCredentials(_range.Responder.AccessKeyId, _range.Responder.SecretAccessKey),
                Region = "us-east-1", EndpointUrl = _range.Url, Retry = TestConnections.QuickRetry,
            },
            Request = new ResponseRequest { AccessKeyId = _range.GroundTruth!.LeakedAccessKeyId!, ApplyWithinAuthority = true },
            Configuration = configuration,
            CasesDirectory = _cases.Path, CaseOptions = new CaseOptions(), EnvironmentVariable = _ => null, AcknowledgementGrace = TimeSpan.Zero,
        }, TimeProvider.System, new RecordingProgress(), CancellationToken.None);
        return result.Folder;
    }

    private IReadOnlyList<string> Permissions(string region, string snapshotId)
    {
        lock (_range.State.Sync)
            return [.. _range.State.Ec2(region).Snapshots.Single(s => s.SnapshotId == snapshotId).CreateVolumePermissions];
    }

    [Fact]
    public async Task Granted_contain_suspected_and_close_data_door_the_snapshot_shared_in_the_window_is_closed_with_the_ebs_door()
    {
        await using var receiver = RehearsalReceiver.Start();
        var shared = Assert.Single(_range.GroundTruth!.SharedEbsSnapshots);
        Assert.Equal([shared.SharedWithAccount], Permissions(shared.Region, shared.SnapshotId));

        var folder = await RespondAsync(DrillEscalation.Configuration(receiver, "en", "leaked-key-blind"));

        var suspected = Assert.Single(SuspectedFile.Read(folder), s => s.Kind == ResourceTypes.SharedEbsSnapshot);
        Assert.Equal((shared.SnapshotId, shared.Region), (suspected.Id, suspected.Region));
        Assert.Empty(Permissions(shared.Region, shared.SnapshotId));
        Assert.Contains(JournalReader.Read(folder), e => e.Kind == "containment.changed"
            && (string?)e.Data["operation"] == "ec2:ModifySnapshotAttribute" && (string?)e.Data["request"]?["snapshotId"] == shared.SnapshotId
            && e.Data["request"]?["remove"]?.AsArray().Select(v => (string?)v).SequenceEqual([shared.SharedWithAccount]) == true);
        lock (_range.State.Sync)
            Assert.DoesNotContain(DataDoorsOpen.Find(_range.State, _range.GroundTruth!), d => d.StartsWith("ebs-snapshot:", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Without_contain_suspected_the_snapshot_is_planned_and_waits_for_a_person_still_open()
    {
        await using var receiver = RehearsalReceiver.Start();
        var shared = Assert.Single(_range.GroundTruth!.SharedEbsSnapshots);

        var folder = await RespondAsync(DrillEscalation.Configuration(receiver, "en"));

        Assert.Contains(SuspectedFile.Read(folder), s => s.Kind == ResourceTypes.SharedEbsSnapshot && s.Id == shared.SnapshotId);
        using (var @case = Case.Load(folder.Directory))
        {
            var door = Assert.Single(Shodo.Containment.Plan.PlanFile.Read(@case).Plan.Actions,
                a => a.Target == new Shodo.Containment.ContainmentTarget(Shodo.Containment.TargetKinds.EbsSnapshot, shared.SnapshotId, shared.Region));
            Assert.Equal(Shodo.Containment.Plan.AuthorityLevel.Approver, door.Authority);
        }
        Assert.Equal([shared.SharedWithAccount], Permissions(shared.Region, shared.SnapshotId));
        Assert.DoesNotContain(JournalReader.Read(folder), e => e.Kind == "containment.changed"
            && (string?)e.Data["operation"] == "ec2:ModifySnapshotAttribute");
    }
}
