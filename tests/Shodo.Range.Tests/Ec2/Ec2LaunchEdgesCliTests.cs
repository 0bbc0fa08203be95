using Shodo.Range.State.Ec2;
using Shodo.Range.Tests.Infrastructure;
using static Shodo.Range.Tests.Ec2.Ec2CliJson;

namespace Shodo.Range.Tests.Ec2;

/// <summary>
/// What an attacker can launch with RunInstances that a responder cannot simply stop, through the real AWS CLI: an
/// instance with a second network interface (--network-interfaces DeviceIndex 1), an instance from an instance-store
/// AMI (rootDeviceType instance-store, StopInstances refused), and an instance whose stop ends the connections it held.
/// </summary>
public sealed class Ec2LaunchEdgesCliTests(RangeFixture fixture) : IClassFixture<RangeFixture>
{
    private readonly Ec2Time _time = new(fixture);

    [Fact]
    public async Task Run_instances_with_two_network_interfaces_attaches_the_second_with_its_own_groups()
    {
        var cli = fixture.Cli.InRegion("eu-north-1");
        var group = (await cli.OkAsync("ec2", "create-security-group", "--group-name", fixture.Unique("second-eni"), "--description", "second")).Str("GroupId");
        _time.Advance(TimeSpan.FromMinutes(1)); // a new group propagates before it can be attached
        var run = await cli.OkAsync("ec2", "run-instances", "--image-id", ImageId, "--instance-type", "c6i.large", "--count", "1",
            "--network-interfaces", $$"""[{"DeviceIndex":0},{"DeviceIndex":1,"Groups":["{{group}}"]}]""");
        var id = run.Items("Instances").Single().Str("InstanceId");

        var interfaces = (await cli.OkAsync("ec2", "describe-instances", "--instance-ids", id)).Instances().Single().Items("NetworkInterfaces").ToList();
        Assert.Equal([0, 1], interfaces.Select(n => n.GetProperty("Attachment").GetProperty("DeviceIndex").GetInt32()).Order());
        var second = interfaces.Single(n => n.GetProperty("Attachment").GetProperty("DeviceIndex").GetInt32() == 1);
        Assert.Equal([group], second.Items("Groups").Select(g => g.Str("GroupId")));
    }

    [Fact]
    public async Task An_instance_store_AMI_launches_an_instance_EC2_will_not_stop_and_a_stop_ends_live_connections()
    {
        var cli = fixture.Cli.InRegion("ap-southeast-2");
        var ephemeral = (await cli.OkAsync("ec2", "run-instances", "--image-id", InstanceStoreImages.Linux, "--instance-type", "m5d.large", "--count", "1"))
            .Items("Instances").Single().Str("InstanceId");
        var ebs = (await cli.OkAsync("ec2", "run-instances", "--image-id", ImageId, "--instance-type", "m5.large", "--count", "1"))
            .Items("Instances").Single().Str("InstanceId");
        _time.Advance(_time.Timings.Boot);

        var described = (await cli.OkAsync("ec2", "describe-instances", "--instance-ids", ephemeral)).Instances().Single();
        Assert.Equal("instance-store", described.Str("RootDeviceType"));
        Assert.Empty(described.Items("BlockDeviceMappings"));
        await cli.FailsWithAsync("UnsupportedOperation", "ec2", "stop-instances", "--instance-ids", ephemeral);

        LiveConnection connection;
        lock (fixture.Range.State.Sync)
        {
            var region = fixture.Range.State.Ec2("ap-southeast-2");
            connection = region.OpenConnection(region.FindInstance(ebs)!, "198.51.100.7", 3333);
        }
        await cli.OkAsync("ec2", "stop-instances", "--instance-ids", ebs);
        lock (fixture.Range.State.Sync) Assert.False(connection.IsOpen);
    }
}
