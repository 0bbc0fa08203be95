using Shodo.Range.State.Ec2;
using Shodo.Range.Tests.Infrastructure;
using static Shodo.Range.Tests.Ec2.Ec2CliJson;

namespace Shodo.Range.Tests.Ec2;

/// <summary>
/// Isolating an instance as EC2 allows it, through the real AWS CLI: groups per network interface when there are several,
/// a new group briefly unknown, tracked connections that survive a group change, instance-store roots that cannot be stopped.
/// </summary>
public sealed class Ec2IsolationCliTests(RangeFixture fixture) : IClassFixture<RangeFixture>
{
    private readonly Ec2Time _time = new(fixture);

    private async Task<string> RunAsync(AwsCli cli)
    {
        var run = await cli.OkAsync("ec2", "run-instances", "--image-id", ImageId, "--instance-type", "c5.large", "--count", "1");
        return run.Items("Instances").Single().Str("InstanceId");
    }

    private T InRegion<T>(string region, Func<Ec2Region, T> change)
    {
        lock (fixture.Range.State.Sync) return change(fixture.Range.State.Ec2(region));
    }

    private async Task<string> GroupAsync(AwsCli cli, string name, bool allOpen)
    {
        var id = (await cli.OkAsync("ec2", "create-security-group", "--group-name", fixture.Unique(name), "--description", name)).Str("GroupId");
        if (allOpen) await cli.OkAsync("ec2", "authorize-security-group-ingress", "--group-id", id, "--ip-permissions", "IpProtocol=-1,IpRanges=[{CidrIp=0.0.0.0/0}]");
        else await cli.OkAsync("ec2", "revoke-security-group-egress", "--group-id", id, "--ip-permissions", "IpProtocol=-1,IpRanges=[{CidrIp=0.0.0.0/0}]");
        return id;
    }

    [Fact]
    public async Task An_instance_with_two_interfaces_refuses_instance_groups_and_takes_them_per_interface()
    {
        const string region = "eu-west-1";
        var cli = fixture.Cli.InRegion(region);
        var id = await RunAsync(cli);
        var second = InRegion(region, r => r.AttachInterface(r.FindInstance(id)!, [], fixture.Range.State.Clock.Now).NetworkInterfaceId);
        var instance = (await cli.OkAsync("ec2", "describe-instances", "--instance-ids", id)).Instances().Single();
        var interfaces = instance.Items("NetworkInterfaces").ToList();
        Assert.Equal(2, interfaces.Count);
        Assert.Equal([0, 1], interfaces.Select(n => n.GetProperty("Attachment").GetProperty("DeviceIndex").GetInt32()).Order());
        Assert.Contains(second, interfaces.Select(n => n.Str("NetworkInterfaceId")));

        var quarantine = await GroupAsync(cli, "quarantine", allOpen: false);
        var refused = await cli.FailsWithAsync("InvalidInstanceID", "ec2", "modify-instance-attribute", "--instance-id", id, "--groups", quarantine);
        Assert.Equal($"There are multiple interfaces attached to instance '{id}'. Please specify an interface ID for the operation instead.", refused.Message());

        foreach (var eni in interfaces.Select(n => n.Str("NetworkInterfaceId")))
            await cli.OkAsync("ec2", "modify-network-interface-attribute", "--network-interface-id", eni, "--groups", quarantine);
        var described = (await cli.OkAsync("ec2", "describe-network-interfaces", "--filters", $"Name=attachment.instance-id,Values={id}"))
            .Items("NetworkInterfaces").ToList();
        Assert.Equal(2, described.Count);
        Assert.All(described, n => Assert.Equal([quarantine], n.Items("Groups").Select(g => g.Str("GroupId"))));
        Assert.All(described, n => Assert.Equal(id, n.GetProperty("Attachment").Str("InstanceId")));
        var after = (await cli.OkAsync("ec2", "describe-instances", "--instance-ids", id)).Instances().Single();
        Assert.Equal([quarantine], after.Items("SecurityGroups").Select(g => g.Str("GroupId")));

        await cli.FailsWithAsync("InvalidNetworkInterfaceID.NotFound", "ec2", "modify-network-interface-attribute",
            "--network-interface-id", "eni-0123456789abcdef0", "--groups", quarantine);
    }

    [Fact]
    public async Task A_group_just_created_can_be_not_found_when_attached_until_it_has_propagated()
    {
        const string region = "eu-west-2";
        var cli = fixture.Cli.InRegion(region);
        var id = await RunAsync(cli);
        lock (fixture.Range.State.Sync)
            fixture.Range.State.Ec2Timings = Ec2Time.Stretched with { SecurityGroupPropagation = TimeSpan.FromMinutes(1) };
        try
        {
            var group = await GroupAsync(cli, "late", allOpen: false);
            var eni = (await cli.OkAsync("ec2", "describe-instances", "--instance-ids", id)).Instances().Single()
                .Items("NetworkInterfaces").Single().Str("NetworkInterfaceId");
            var late = await cli.FailsWithAsync("InvalidGroup.NotFound", "ec2", "modify-network-interface-attribute", "--network-interface-id", eni, "--groups", group);
            Assert.Equal($"The security group '{group}' does not exist", late.Message());
            await cli.FailsWithAsync("InvalidGroup.NotFound", "ec2", "modify-instance-attribute", "--instance-id", id, "--groups", group);
            _time.Advance(TimeSpan.FromMinutes(1));
            await cli.OkAsync("ec2", "modify-network-interface-attribute", "--network-interface-id", eni, "--groups", group);
        }
        finally
        {
            lock (fixture.Range.State.Sync) fixture.Range.State.Ec2Timings = Ec2Time.Stretched;
        }
    }

    [Fact]
    public async Task A_tracked_connection_survives_a_group_change_and_is_cut_only_after_an_all_open_group_made_it_untracked()
    {
        const string region = "eu-north-1";
        var cli = fixture.Cli.InRegion(region);
        var closed = await GroupAsync(cli, "closed", allOpen: false);
        var open = await GroupAsync(cli, "all-open", allOpen: true);

        var plain = await RunAsync(cli);
        var twoStep = await RunAsync(cli);
        var (plainConnection, twoStepConnection) = InRegion(region, r =>
            (r.OpenConnection(r.FindInstance(plain)!, "198.51.100.7", 3333), r.OpenConnection(r.FindInstance(twoStep)!, "198.51.100.7", 3333)));

        await cli.OkAsync("ec2", "modify-instance-attribute", "--instance-id", plain, "--groups", closed);
        lock (fixture.Range.State.Sync) Assert.True(plainConnection.IsOpen, "a tracked connection is not interrupted by a group change");

        await cli.OkAsync("ec2", "modify-instance-attribute", "--instance-id", twoStep, "--groups", open);
        lock (fixture.Range.State.Sync)
        {
            Assert.True(twoStepConnection.IsOpen);
            Assert.False(twoStepConnection.Tracked);
        }
        await cli.OkAsync("ec2", "modify-instance-attribute", "--instance-id", twoStep, "--groups", closed);
        lock (fixture.Range.State.Sync)
        {
            Assert.False(twoStepConnection.IsOpen, "an untracked connection is cut once the groups no longer allow it");
            Assert.True(plainConnection.IsOpen);
        }
    }

    [Fact]
    public async Task An_instance_store_backed_instance_says_so_and_cannot_be_stopped()
    {
        const string region = "eu-west-3";
        var cli = fixture.Cli.InRegion(region);
        var id = InRegion(region, r => r.Launch(new LaunchSpec { ImageId = ImageId, InstanceType = "m5d.large", RootDeviceType = "instance-store" },
            1, fixture.Range.State.Clock.Now)[0].InstanceId);
        _time.Advance(_time.Timings.Boot);
        var instance = (await cli.OkAsync("ec2", "describe-instances", "--instance-ids", id)).Instances().Single();
        Assert.Equal("instance-store", instance.Str("RootDeviceType"));
        Assert.Empty(instance.Items("BlockDeviceMappings"));
        var refused = await cli.FailsWithAsync("UnsupportedOperation", "ec2", "stop-instances", "--instance-ids", id);
        Assert.Equal($"The instance '{id}' does not have an 'ebs' root device type and cannot be stopped.", refused.Message());
        Assert.Equal("running", (await cli.OkAsync("ec2", "describe-instances", "--instance-ids", id)).Instances().Single().StateName());
        var ebs = await RunAsync(cli);
        Assert.Equal("ebs", (await cli.OkAsync("ec2", "describe-instances", "--instance-ids", ebs)).Instances().Single().Str("RootDeviceType"));
    }
}
