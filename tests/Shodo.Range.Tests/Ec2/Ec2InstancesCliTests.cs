using Shodo.Range.State.Ec2;
using Shodo.Range.Tests.Infrastructure;
using static Shodo.Range.Tests.Ec2.Ec2CliJson;

namespace Shodo.Range.Tests.Ec2;

/// <summary>Instances, their states, attributes, volumes and snapshots, through the real AWS CLI.</summary>
public sealed class Ec2InstancesCliTests(RangeFixture fixture) : IClassFixture<RangeFixture>
{
    private AwsCli Cli => fixture.Cli;

    private readonly Ec2Time _time = new(fixture);

    private void Advance(TimeSpan by) => _time.Advance(by);

    private async Task<List<string>> RunAsync(string region, int count, params string[] extra)
    {
        var run = await Cli.InRegion(region).OkAsync(["ec2", "run-instances", "--image-id", ImageId,
            "--instance-type", "t3.micro", "--count", count.ToString(), .. extra]);
        return run.Items("Instances").Select(i => i.Str("InstanceId")).ToList();
    }

    [Fact]
    public async Task Run_describe_stop_start_terminate_follow_aws_states_as_simulated_time_passes()
    {
        var key = fixture.Unique("miner-key");
        await Cli.OkAsync("ec2", "create-key-pair", "--key-name", key);
        var run = await Cli.OkAsync("ec2", "run-instances", "--image-id", ImageId, "--instance-type", "p3.16xlarge",
            "--count", "2", "--key-name", key, "--user-data", "#!/bin/sh\n./xmrig -o pool",
            "--tag-specifications", "ResourceType=instance,Tags=[{Key=Name,Value=miner}]");
        Assert.StartsWith("r-", run.Str("ReservationId"));
        Assert.Equal(RangeInfo.DefaultAccountId, run.Str("OwnerId"));
        var launched = run.Items("Instances").ToList();
        Assert.Equal(2, launched.Count);
        Assert.All(launched, i =>
        {
            Assert.Matches("^i-[0-9a-f]{17}$", i.Str("InstanceId"));
            Assert.Equal("pending", i.StateName());
            Assert.Equal(0, i.GetProperty("State").GetProperty("Code").GetInt32());
            Assert.Equal(key, i.Str("KeyName"));
            Assert.Equal("p3.16xlarge", i.Str("InstanceType"));
            Assert.StartsWith("172.31.", i.Str("PrivateIpAddress"));
            Assert.Equal("miner", i.Tag("Name"));
        });
        var ids = launched.Select(i => i.Str("InstanceId")).ToArray();

        lock (fixture.Range.State.Sync)
        {
            var record = fixture.Range.State.Calls.Last(c => c.EventName == "RunInstances");
            Assert.Equal("ec2.amazonaws.com", record.EventSource);
            Assert.False(record.ReadOnly);
            Assert.Equal("<sensitiveDataRemoved>", record.RequestParameters!["userData"]!.GetValue<string>());
            Assert.Equal("p3.16xlarge", record.RequestParameters["instanceType"]!.GetValue<string>());
            Assert.Equal(ids, record.ResponseElements!["instancesSet"]!["items"]!.AsArray().Select(i => i!["instanceId"]!.GetValue<string>()));
            var keyRecord = fixture.Range.State.Calls.Last(c => c.EventName == "CreateKeyPair");
            Assert.Equal("<sensitiveDataRemoved>", keyRecord.ResponseElements!["keyMaterial"]!.GetValue<string>());
            Assert.DoesNotContain("PRIVATE KEY", keyRecord.ResponseElements.ToJsonString());
        }

        Advance(_time.Timings.Boot);
        var described = (await Cli.OkAsync(["ec2", "describe-instances", "--instance-ids", .. ids])).Instances();
        Assert.All(described, i => Assert.Equal("running", i.StateName()));
        Assert.All(described, i => Assert.Equal("default", i.GetProperty("SecurityGroups")[0].Str("GroupName")));
        Assert.All(described, i => Assert.StartsWith("vol-", i.GetProperty("BlockDeviceMappings")[0].GetProperty("Ebs").Str("VolumeId")));

        var stop = await Cli.OkAsync("ec2", "stop-instances", "--instance-ids", ids[0]);
        var change = stop.Items("StoppingInstances").Single();
        Assert.Equal("stopping", change.GetProperty("CurrentState").Str("Name"));
        Assert.Equal("running", change.GetProperty("PreviousState").Str("Name"));
        Advance(_time.Timings.Stop);
        var stopped = (await Cli.OkAsync("ec2", "describe-instances", "--instance-ids", ids[0])).Instances().Single();
        Assert.Equal("stopped", stopped.StateName());
        Assert.Equal("Client.UserInitiatedShutdown", stopped.GetProperty("StateReason").Str("Code"));

        var start = await Cli.OkAsync("ec2", "start-instances", "--instance-ids", ids[0]);
        Assert.Equal("pending", start.Items("StartingInstances").Single().GetProperty("CurrentState").Str("Name"));

        var terminate = await Cli.OkAsync("ec2", "terminate-instances", "--instance-ids", ids[1]);
        Assert.Equal("shutting-down", terminate.Items("TerminatingInstances").Single().GetProperty("CurrentState").Str("Name"));
        Advance(_time.Timings.Shutdown);
        Assert.Equal("terminated", (await Cli.OkAsync("ec2", "describe-instances", "--instance-ids", ids[1])).Instances().Single().StateName());
        await Cli.FailsWithAsync("IncorrectInstanceState", "ec2", "start-instances", "--instance-ids", ids[1]);

        var missing = await Cli.FailsWithAsync("InvalidInstanceID.NotFound", "ec2", "describe-instances", "--instance-ids", "i-0123456789abcdef0");
        Assert.Equal("The instance ID 'i-0123456789abcdef0' does not exist", missing.Message());
        await Cli.FailsWithAsync("InvalidInstanceID.Malformed", "ec2", "stop-instances", "--instance-ids", "i-nothex");
    }

    [Fact]
    public async Task Describe_instances_filters_and_pages_as_aws_does()
    {
        const string region = "eu-west-1";
        var key = fixture.Unique("filter-key");
        await Cli.InRegion(region).OkAsync("ec2", "create-key-pair", "--key-name", key);
        var gpu = await RunAsync(region, 3, "--key-name", key, "--instance-type", "g5.12xlarge",
            "--tag-specifications", "ResourceType=instance,Tags=[{Key=Owner,Value=attacker}]");
        var plain = await RunAsync(region, 4);
        var eu = Cli.InRegion(region);

        async Task<List<string>> Ids(params string[] filters) =>
            (await eu.OkAsync(["ec2", "describe-instances", "--filters", .. filters])).Instances().Select(i => i.Str("InstanceId")).Order().ToList();

        Assert.Equal(gpu.Order(), await Ids("Name=instance-type,Values=g5.12xlarge"));
        Assert.Equal(gpu.Order(), await Ids($"Name=key-name,Values={key}"));
        Assert.Equal(gpu.Order(), await Ids("Name=tag:Owner,Values=attacker"));
        Assert.Equal(gpu.Order(), await Ids("Name=tag-key,Values=Owner"));
        Assert.Equal(gpu.Order(), await Ids("Name=instance-type,Values=g5.*"));
        Assert.Equal(new[] { plain[0] }, await Ids($"Name=instance-id,Values={plain[0]}"));
        Assert.Equal(7, (await Ids("Name=instance-state-name,Values=pending,running")).Count);
        await eu.OkAsync("ec2", "terminate-instances", "--instance-ids", plain[3]);
        Assert.Equal(new[] { plain[3] }, await Ids("Name=instance-state-name,Values=shutting-down"));

        var paged = await eu.OkAsync("ec2", "describe-instances", "--page-size", "5");
        Assert.Equal(gpu.Concat(plain).Order(), paged.Instances().Select(i => i.Str("InstanceId")).Order());
        lock (fixture.Range.State.Sync)
            Assert.True(fixture.Range.State.Calls.Count(c => c.EventName == "DescribeInstances" && c.Region == region
                && c.RequestParameters?["nextToken"] is not null) >= 1);
        var first = await eu.OkAsync("ec2", "describe-instances", "--max-items", "1");
        Assert.Equal(gpu.Order(), first.Instances().Select(i => i.Str("InstanceId")).Order());
        var rest = await eu.OkAsync("ec2", "describe-instances", "--max-items", "1", "--starting-token", first.Str("NextToken"));
        Assert.Equal(plain.Order(), rest.Instances().Select(i => i.Str("InstanceId")).Order());
        await eu.FailsWithAsync("InvalidParameterValue", "ec2", "describe-instances", "--filters", "Name=no-such-filter,Values=x");
    }

    [Fact]
    public async Task Instance_status_reports_checks_for_running_instances()
    {
        var ids = await RunAsync("us-west-2", 1);
        var west = Cli.InRegion("us-west-2");
        Assert.Empty((await west.OkAsync("ec2", "describe-instance-status", "--instance-ids", ids[0])).Items("InstanceStatuses"));
        var all = await west.OkAsync("ec2", "describe-instance-status", "--instance-ids", ids[0], "--include-all-instances");
        Assert.Equal("pending", all.Items("InstanceStatuses").Single().GetProperty("InstanceState").Str("Name"));
        Advance(_time.Timings.Boot);
        var initializing = (await west.OkAsync("ec2", "describe-instance-status")).Items("InstanceStatuses").Single();
        Assert.Equal("initializing", initializing.GetProperty("InstanceStatus").Str("Status"));
        Advance(_time.Timings.StatusChecks);
        var ok = (await west.OkAsync("ec2", "describe-instance-status")).Items("InstanceStatuses").Single();
        Assert.Equal("ok", ok.GetProperty("SystemStatus").Str("Status"));
        Assert.Equal("passed", ok.GetProperty("InstanceStatus").GetProperty("Details")[0].Str("Status"));
        Assert.StartsWith("us-west-2", ok.Str("AvailabilityZone"));
    }

    [Fact]
    public async Task Attributes_protect_instances_and_change_groups_behaviour_and_type()
    {
        var ids = await RunAsync("ap-northeast-1", 1, "--disable-api-termination");
        var id = ids[0];
        var tokyo = Cli.InRegion("ap-northeast-1");
        async Task<System.Text.Json.JsonElement> Attribute(string name) =>
            await tokyo.OkAsync("ec2", "describe-instance-attribute", "--instance-id", id, "--attribute", name);

        Assert.True((await Attribute("disableApiTermination")).GetProperty("DisableApiTermination").GetProperty("Value").GetBoolean());
        var refused = await tokyo.FailsWithAsync("OperationNotPermitted", "ec2", "terminate-instances", "--instance-ids", id);
        Assert.Equal($"The instance '{id}' may not be terminated. Modify its 'disableApiTermination' instance attribute and try again.", refused.Message());

        await tokyo.OkAsync("ec2", "modify-instance-attribute", "--instance-id", id, "--disable-api-stop");
        Assert.True((await Attribute("disableApiStop")).GetProperty("DisableApiStop").GetProperty("Value").GetBoolean());
        await tokyo.FailsWithAsync("OperationNotPermitted", "ec2", "stop-instances", "--instance-ids", id);
        await tokyo.OkAsync("ec2", "modify-instance-attribute", "--instance-id", id, "--no-disable-api-stop");

        await tokyo.OkAsync("ec2", "modify-instance-attribute", "--instance-id", id, "--attribute", "instanceInitiatedShutdownBehavior", "--value", "terminate");
        Assert.Equal("terminate", (await Attribute("instanceInitiatedShutdownBehavior")).GetProperty("InstanceInitiatedShutdownBehavior").Str("Value"));

        var quarantine = await tokyo.OkAsync("ec2", "create-security-group", "--group-name", fixture.Unique("quarantine"), "--description", "no traffic");
        await tokyo.OkAsync("ec2", "modify-instance-attribute", "--instance-id", id, "--groups", quarantine.Str("GroupId"));
        Assert.Equal(quarantine.Str("GroupId"), (await Attribute("groupSet")).GetProperty("Groups")[0].Str("GroupId"));

        await tokyo.FailsWithAsync("IncorrectInstanceState", "ec2", "modify-instance-attribute", "--instance-id", id, "--instance-type", "Value=t3.large");
        Advance(_time.Timings.Boot);
        await tokyo.OkAsync("ec2", "stop-instances", "--instance-ids", id);
        Advance(_time.Timings.Stop);
        await tokyo.OkAsync("ec2", "modify-instance-attribute", "--instance-id", id, "--instance-type", "Value=t3.large");
        Assert.Equal("t3.large", (await Attribute("instanceType")).GetProperty("InstanceType").Str("Value"));
        await tokyo.OkAsync("ec2", "modify-instance-attribute", "--instance-id", id, "--user-data", "Value=ZWNobyBoaQ==");
        Assert.False(string.IsNullOrEmpty((await Attribute("userData")).GetProperty("UserData").Str("Value")));
    }

    [Fact]
    public async Task Volumes_come_with_instances_and_snapshots_preserve_them()
    {
        var region = "ca-central-1";
        var ca = Cli.InRegion(region);
        var ids = await RunAsync(region, 1, "--tag-specifications", "ResourceType=volume,Tags=[{Key=Evidence,Value=disk}]");
        var volumes = (await ca.OkAsync("ec2", "describe-volumes", "--filters", $"Name=attachment.instance-id,Values={ids[0]}")).Items("Volumes").ToList();
        var volume = Assert.Single(volumes);
        Assert.Equal("in-use", volume.Str("State"));
        Assert.Equal(ids[0], volume.GetProperty("Attachments")[0].Str("InstanceId"));
        Assert.Equal("disk", volume.Tag("Evidence"));
        Assert.Equal(8, volume.GetProperty("Size").GetInt32());

        var one = await ca.OkAsync("ec2", "create-snapshot", "--volume-id", volume.Str("VolumeId"), "--description", "before containment",
            "--tag-specifications", "ResourceType=snapshot,Tags=[{Key=Case,Value=case-1}]");
        Assert.Equal("pending", one.Str("State"));
        Assert.Equal("case-1", one.Tag("Case"));
        var many = await ca.OkAsync("ec2", "create-snapshots", "--instance-specification", $"InstanceId={ids[0]}", "--copy-tags-from-source", "volume");
        var fromInstance = many.Items("Snapshots").Single();
        Assert.Equal(volume.Str("VolumeId"), fromInstance.Str("VolumeId"));
        Assert.Equal("disk", fromInstance.Tag("Evidence"));

        Advance(_time.Timings.SnapshotCopy);
        var mine = (await ca.OkAsync("ec2", "describe-snapshots", "--owner-ids", "self")).Items("Snapshots").ToList();
        Assert.Equal(2, mine.Count);
        Assert.All(mine, s => Assert.Equal("completed", s.Str("State")));
        Assert.All(mine, s => Assert.Equal(RangeInfo.DefaultAccountId, s.Str("OwnerId")));
        Assert.Empty((await ca.OkAsync("ec2", "describe-snapshots", "--owner-ids", "amazon")).Items("Snapshots"));
        await ca.FailsWithAsync("InvalidSnapshot.NotFound", "ec2", "describe-snapshots", "--snapshot-ids", "snap-0123456789abcdef0");
        await ca.FailsWithAsync("InvalidVolume.NotFound", "ec2", "create-snapshot", "--volume-id", "vol-0123456789abcdef0");
    }
}
