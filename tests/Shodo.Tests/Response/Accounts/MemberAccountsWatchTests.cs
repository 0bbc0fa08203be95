using Amazon.EC2;
using Amazon.EC2.Model;
using Amazon.Runtime;
using Shodo.Aws.Connection;
using Shodo.Cases;
using Shodo.Cases.Accounts;
using Shodo.Configuration;
using Shodo.Containment;
using Shodo.Range;
using Shodo.Range.State.Ec2;
using Shodo.Range.State.Organizations;
using Shodo.Response;
using Shodo.Response.Accounts;
using Shodo.Response.Steps;
using Shodo.Tests.Cases;

namespace Shodo.Tests.Response.Accounts;

/// <summary>
/// The watch re-checks the other accounts too (issue 21): on org-pivot the attacker's backdoor in member-2 launches an
/// instance just before the response, and that account's CloudTrail delivers the event only later. The response in
/// member-2 cannot attribute it, so it is left running; a look of the watch, once the event is delivered, enters member-2
/// again, reads its events and stops the instance, journaled in the member's sub-case and anchored in the parent's chain.
/// The look is called directly (no wall-clock watch to wait through).
/// </summary>
public sealed class MemberAccountsWatchTests : IAsyncLifetime
{
    private static readonly string Member2 = RangeOrganization.MemberId(OrgPivotMemberResponse.Management, 2);
    private const string Region = "ap-southeast-2";
    private RangeHost _range = null!;
    private readonly TempFolder _cases = new();

    public async Task InitializeAsync() => _range = await RangeHost.StartAsync(new RangeOptions { Port = 0, Scenario = "org-pivot" });

    public async Task DisposeAsync()
    {
        await _range.DisposeAsync();
        _cases.Dispose();
    }

    [Fact]
    public async Task An_instance_a_members_events_show_only_later_is_stopped_by_a_look_of_the_watch_in_that_member()
    {
        var member = _range.State.Organization!.Account(Member2)!.State;
        var truth = _range.GroundTruth!.Accounts.Single(a => a.AccountId == Member2).Found;
        string keyId, secret;
        lock (_range.State.Sync)
        {
            member.EventDelay = TimeSpan.FromMinutes(10); // the seeded attack (hours ago) is delivered; this launch is not, yet
            var key = member.Iam.AccessKeys[truth.AccessKeyIds[0]];
            (keyId, secret) = (key.AccessKeyId, key.SecretAccessKey);
        }
        using var ec2 = new AmazonEC2Client(new BasicAWSCredentials(keyId, secret),
            new AmazonEC2Config { ServiceURL = _range.Url.ToString(), AuthenticationRegion = Region, MaxErrorRetry = 0 });
        var late = (await ec2.RunInstancesAsync(new RunInstancesRequest
        {
            ImageId = "ami-0c7217cdde317cfec", InstanceType = InstanceType.P32xlarge, MinCount = 1, MaxCount = 1,
        })).Reservation.Instances[0].InstanceId;

        var request = new ResponseRequest
        {
            AccessKeyId = _range.GroundTruth.LeakedAccessKeyId, ApplyWithinAuthority = true,
            Members = new MemberAccountsRequest { RoleName = RangeOrganization.AccessRoleName },
        };
        var options = RangeResponseOptions.For(_range, _cases.Path, request);
        var result = await FirstResponse.RunAsync(options, TimeProvider.System, new RecordingProgress(), CancellationToken.None);
        // Its launch was not yet delivered: nothing attributed it, and it was left running (or still starting).
        Assert.Contains(State(member, late), new[] { InstanceStates.Pending, InstanceStates.Running });

        lock (_range.State.Sync) member.EventDelay = TimeSpan.Zero;
        int added;
        using (var @case = Case.Load(result.CaseDirectory, new CaseOptions()))
        using (var aws = await AwsConnection.OpenAsync(options.Connection))
        {
            var session = new ResponseSession(@case, aws, await aws.WhoAmIAsync(), ShodoConfiguration.Empty, request, TimeProvider.System,
                new RecordingProgress(), NoMilestoneNotifier.Instance) { CaseOptions = new CaseOptions() };
            added = await MemberAccountsWatch.LookAsync(session, WatchStep.StepName, CancellationToken.None);
        }

        Assert.True(added > 0);
        Assert.Contains(State(member, late), new[] { InstanceStates.Stopping, InstanceStates.Stopped });
        var outcome = MemberAccountsFile.Read(result.Folder).Single(a => a.AccountId == Member2);
        var journal = JournalReader.Read(MemberAccountsFile.SubCase(result.Folder, outcome)).ToList();
        var finished = journal.FindLastIndex(e => e.Kind == ResponseJournalKinds.Finished);
        var stopped = journal.FindIndex(e => e.Kind == ContainmentJournalKinds.Changed && (string?)e.Data["target"] == $"{TargetKinds.Instance}:{Region}:{late}");
        Assert.True(stopped > finished, $"the instance was stopped at {stopped}, the member's response finished at {finished}");
        // Never the role Shodo entered by, in the look's plans either.
        Assert.DoesNotContain(journal, e => e.Kind == ContainmentJournalKinds.Planned
            && e.Data.ToJsonString().Contains($"{TargetKinds.Role}:global:{RangeOrganization.AccessRoleName}", StringComparison.Ordinal));
        // The parent's chain anchors the member's new head, and the whole case verifies.
        var watched = Assert.Single(JournalReader.Read(result.Folder), e => e.Kind == MemberAccountJournalKinds.Watched);
        Assert.Equal(Member2, (string?)watched.Data["accountId"]);
        Assert.Equal(journal[^1].Seq, (long)watched.Data["journal"]!["seq"]!);
        Assert.True(CaseVerifier.Verify(result.CaseDirectory).Intact);
    }

    private string State(Shodo.Range.State.RangeState member, string instanceId)
    {
        lock (_range.State.Sync) return member.Ec2(Region).FindInstance(instanceId)!.State;
    }
}
