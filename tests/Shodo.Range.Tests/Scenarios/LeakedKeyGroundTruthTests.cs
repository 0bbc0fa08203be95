using Shodo.Range.State.Ec2;

namespace Shodo.Range.Tests.Scenarios;

/// <summary>The scenario's ground truth, resolved after playing, agrees with what the range holds.</summary>
public sealed class LeakedKeyGroundTruthTests(LeakedKeyScenarioFixture fixture) : IClassFixture<LeakedKeyScenarioFixture>
{
    private readonly Shodo.Range.Scenarios.GroundTruth _truth = fixture.Truth;

    [Fact]
    public void The_leaked_key_belongs_to_the_developer_with_administrator_access()
    {
        Assert.Equal(fixture.Range.Scenario!.Leaked!.AccessKeyId, _truth.LeakedAccessKeyId);
        Assert.Equal("dev-tanaka", _truth.LeakedUserName);
        lock (fixture.Range.State.Sync)
            Assert.Contains("arn:aws:iam::aws:policy/AdministratorAccess",
                fixture.Range.State.Iam.User("dev-tanaka")!.AttachedPolicyArns);
        Assert.Contains(_truth.LeakedAccessKeyId, _truth.AccessKeyIds);
    }

    [Fact]
    public void The_backdoor_user_has_a_key_a_password_and_administrator_access()
    {
        Assert.Equal(["aws-support-svc"], _truth.Users);
        Assert.Equal(["aws-support-svc"], _truth.LoginProfiles);
        var state = fixture.Range.State;
        lock (state.Sync)
        {
            var user = state.Iam.User("aws-support-svc")!;
            Assert.NotNull(user.LoginProfile);
            Assert.Contains("arn:aws:iam::aws:policy/AdministratorAccess", user.AttachedPolicyArns);
            var backdoorKey = Assert.Single(state.Iam.KeysOf("aws-support-svc"));
            Assert.Contains(backdoorKey.AccessKeyId, _truth.AccessKeyIds);
        }
        Assert.All(_truth.SessionAccessKeyIds, id => Assert.StartsWith("ASIA", id));
        Assert.Single(_truth.SessionAccessKeyIds);
    }

    [Fact]
    public void Instances_run_in_every_enabled_region_on_demand_and_spot()
    {
        var state = fixture.Range.State;
        List<string> enabled;
        lock (state.Sync) enabled = state.Regions.Enabled.Select(r => r.Name).ToList();
        Assert.Contains("ap-east-1", enabled);
        Assert.Equal(enabled.Order(), _truth.Instances.Select(i => i.Region).Distinct().Order());
        Assert.Equal(["on-demand", "spot-one-time", "spot-persistent"], _truth.Instances.Select(i => i.Market).Distinct().Order());
        lock (state.Sync)
            foreach (var i in _truth.Instances)
                Assert.Equal(InstanceStates.Running, state.Ec2(i.Region).FindInstance(i.InstanceId)!.State);
        Assert.Contains(_truth.SpotRequests, r => r.Type == "persistent" && r.InstanceId is not null);
        Assert.Contains(_truth.SpotRequests, r => r.Type == "one-time");
        Assert.Equal(enabled.Order(), _truth.KeyPairs.Where(k => k.KeyPairId is not null).Select(k => k.Region).Order());
    }

    [Fact]
    public void The_snapshot_is_shared_and_the_stop_logging_attempt_failed()
    {
        var shared = Assert.Single(_truth.SharedSnapshots);
        lock (fixture.Range.State.Sync)
            Assert.Contains(shared.SharedWithAccount,
                fixture.Range.State.Rds(shared.Region).Snapshots[shared.DbSnapshotIdentifier].RestoreAccounts);
        Assert.False(_truth.StopLogging!.Succeeded);
        Assert.Contains(_truth.Events, e => e.EventName == "StopLogging" && e.ErrorCode == "AccessDeniedException");
        Assert.True(fixture.Range.State.Trails.Values.Single().IsLogging);
    }

    [Fact]
    public void The_attacker_images_the_web_server_whose_disk_it_copied_and_lets_the_outside_account_launch_the_image()
    {
        var shared = Assert.Single(_truth.SharedImages);
        var ebs = Assert.Single(_truth.SharedEbsSnapshots);
        Assert.Equal(("ap-northeast-1", "444455556666"), (shared.Region, shared.SharedWithAccount));
        var state = fixture.Range.State;
        lock (state.Sync)
        {
            var ec2 = state.Ec2(shared.Region);
            var image = ec2.Images.Single(i => i.ImageId == shared.ImageId);
            Assert.Equal(["444455556666"], image.LaunchPermissions);
            Assert.Equal("available", image.State(state.Clock.Now));
            // The same server as the EBS copy, so the image's disk is encrypted with the customer key (shareable).
            var copied = ec2.Snapshots.Single(s => s.SnapshotId == ebs.SnapshotId);
            Assert.Equal(ec2.FindVolume(copied.VolumeId)!.AttachedInstanceId, image.SourceInstanceId);
            var disk = ec2.Snapshots.Single(s => s.SnapshotId == Assert.Single(image.BlockDeviceMappings).SnapshotId);
            Assert.Equal((true, copied.KmsKeyId), (disk.Encrypted, disk.KmsKeyId));
            Assert.Empty(disk.CreateVolumePermissions);
        }
        Assert.Contains(_truth.Events, e => e.EventName == "CreateImage" && e.ErrorCode is null);
        Assert.Contains(_truth.Events, e => e.EventName == "ModifyImageAttribute" && e.ErrorCode is null);
    }

    [Fact]
    public void Every_snapshot_and_image_the_attacker_shares_is_unencrypted_or_on_a_customer_key_as_EC2_and_RDS_require()
    {
        var state = fixture.Range.State;
        lock (state.Sync)
        {
            foreach (var s in _truth.SharedSnapshots.Select(s => state.Rds(s.Region).Snapshots[s.DbSnapshotIdentifier]))
                Assert.False(state.EncryptedWithAwsManagedKey(s.Region, s.Encrypted, s.KmsKeyId), s.Identifier);
            foreach (var e in _truth.SharedEbsSnapshots)
            {
                var s = state.Ec2(e.Region).Snapshots.Single(x => x.SnapshotId == e.SnapshotId);
                Assert.True(s.Encrypted);
                Assert.False(state.EncryptedWithAwsManagedKey(e.Region, s.Encrypted, s.KmsKeyId), s.SnapshotId);
            }
            foreach (var i in _truth.SharedImages)
                foreach (var disk in state.Ec2(i.Region).Images.Single(x => x.ImageId == i.ImageId).BlockDeviceMappings)
                {
                    var s = state.Ec2(i.Region).Snapshots.Single(x => x.SnapshotId == disk.SnapshotId);
                    Assert.False(state.EncryptedWithAwsManagedKey(i.Region, s.Encrypted, s.KmsKeyId), s.SnapshotId);
                }
        }
    }

    [Fact]
    public void The_attack_is_backdated_hours_and_comes_from_the_attackers_addresses()
    {
        var now = fixture.Range.State.Clock.Now;
        Assert.InRange(now - _truth.AttackStartedAt, TimeSpan.FromHours(3), TimeSpan.FromHours(4));
        Assert.Equal(["185.220.101.47", "45.137.21.9"], _truth.SourceIps.Order());
        Assert.All(_truth.Events, e => Assert.Contains(e.SourceIp, _truth.SourceIps));
        Assert.All(_truth.Events, e => Assert.Contains("kali", e.UserAgent));
        Assert.All(_truth.Events, e => Assert.True(e.Time < now && e.Time >= _truth.AttackStartedAt));
    }
}
