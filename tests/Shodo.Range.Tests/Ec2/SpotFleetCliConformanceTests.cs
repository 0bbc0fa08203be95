using System.Text.Json;
using Shodo.Range.Tests.Infrastructure;
using static Shodo.Range.Tests.Ec2.Ec2CliJson;

namespace Shodo.Range.Tests.Ec2;

/// <summary>
/// Spot Fleet through the real AWS CLI (botocore's shapes): a <c>maintain</c> fleet launches its target capacity and
/// replaces a member that is stopped, as an Auto Scaling group does; its target capacity lowered to 0 with
/// ExcessCapacityTerminationPolicy noTermination keeps every member (none terminated) and replaces none; a <c>request</c>
/// fleet cannot be modified; an unknown id is InvalidSpotFleetRequestId.NotFound.
/// </summary>
public sealed class SpotFleetCliConformanceTests(RangeFixture fixture) : IClassFixture<RangeFixture>
{
    private readonly Ec2Time _time = new(fixture);

    private static string Config(string type, int capacity) =>
        $$"""{"IamFleetRole":"arn:aws:iam::{{Account}}:role/aws-ec2-spot-fleet-tagging-role","TargetCapacity":{{capacity}},"Type":"{{type}}","LaunchSpecifications":[{"ImageId":"{{ImageId}}","InstanceType":"g4dn.xlarge"}]}""";

    private const string Account = "111122223333";

    private static async Task<List<string>> MembersAsync(AwsCli cli, string fleet) =>
        (await cli.OkAsync("ec2", "describe-spot-fleet-instances", "--spot-fleet-request-id", fleet))
        .Items("ActiveInstances").Select(i => i.Str("InstanceId")).ToList();

    private static async Task<Dictionary<string, string>> StatesAsync(AwsCli cli, IEnumerable<string> ids) =>
        (await cli.OkAsync(["ec2", "describe-instances", "--instance-ids", .. ids])).Instances()
        .ToDictionary(i => i.Str("InstanceId"), i => i.StateName());

    [Fact]
    public async Task A_maintain_fleet_replaces_a_stopped_member_until_its_capacity_is_0_with_noTermination()
    {
        var cli = fixture.Cli.InRegion("ca-central-1");
        var fleet = (await cli.OkAsync("ec2", "request-spot-fleet", "--spot-fleet-request-config", Config("maintain", 2))).Str("SpotFleetRequestId");
        Assert.StartsWith("sfr-", fleet);

        var members = await MembersAsync(cli, fleet);
        Assert.Equal(2, members.Count);
        var described = (await cli.OkAsync("ec2", "describe-spot-fleet-requests", "--spot-fleet-request-ids", fleet)).Items("SpotFleetRequestConfigs").Single();
        Assert.Equal("active", described.Str("SpotFleetRequestState"));
        Assert.Equal("maintain", described.GetProperty("SpotFleetRequestConfig").Str("Type"));
        Assert.Equal(2, described.GetProperty("SpotFleetRequestConfig").GetProperty("TargetCapacity").GetInt32());
        var instances = (await cli.OkAsync("ec2", "describe-instances", "--instance-ids", members[0])).Instances().Single();
        Assert.Equal("spot", instances.Str("InstanceLifecycle"));
        Assert.Equal(fleet, instances.Tag("aws:ec2spot:fleet-request-id"));

        _time.Advance(_time.Timings.Boot);
        await cli.OkAsync("ec2", "stop-instances", "--instance-ids", members[0]);
        _time.Advance(_time.Timings.Stop);
        var replaced = await MembersAsync(cli, fleet);
        var replacement = Assert.Single(replaced.Except(members));
        Assert.Equal("stopped", (await StatesAsync(cli, [members[0]]))[members[0]]);

        var modified = await cli.OkAsync("ec2", "modify-spot-fleet-request", "--spot-fleet-request-id", fleet,
            "--target-capacity", "0", "--excess-capacity-termination-policy", "noTermination");
        Assert.True(modified.GetProperty("Return").GetBoolean());
        _time.Advance(_time.Timings.Boot);
        await cli.OkAsync("ec2", "stop-instances", "--instance-ids", members[1], replacement);
        _time.Advance(_time.Timings.Stop);
        _time.Advance(TimeSpan.FromMinutes(10));

        var held = await MembersAsync(cli, fleet);
        Assert.Equal(replaced.Order(), held.Order());
        Assert.All(await StatesAsync(cli, held), s => Assert.Equal("stopped", s.Value));
        var after = (await cli.OkAsync("ec2", "describe-spot-fleet-requests", "--spot-fleet-request-ids", fleet)).Items("SpotFleetRequestConfigs").Single();
        Assert.Equal(0, after.GetProperty("SpotFleetRequestConfig").GetProperty("TargetCapacity").GetInt32());
        Assert.Equal("noTermination", after.GetProperty("SpotFleetRequestConfig").Str("ExcessCapacityTerminationPolicy"));
    }

    [Fact]
    public async Task A_request_fleet_cannot_be_modified_an_unknown_fleet_is_not_found_and_cancelling_keeps_the_members_unless_asked()
    {
        var cli = fixture.Cli.InRegion("sa-east-1");
        var fleet = (await cli.OkAsync("ec2", "request-spot-fleet", "--spot-fleet-request-config", Config("request", 1))).Str("SpotFleetRequestId");
        var members = await MembersAsync(cli, fleet);

        await cli.FailsWithAsync("InvalidSpotFleetRequestConfig", "ec2", "modify-spot-fleet-request", "--spot-fleet-request-id", fleet, "--target-capacity", "0");
        await cli.FailsWithAsync("InvalidSpotFleetRequestId.NotFound", "ec2", "describe-spot-fleet-requests",
            "--spot-fleet-request-ids", "sfr-00000000-0000-0000-0000-000000000000");

        var cancelled = await cli.OkAsync("ec2", "cancel-spot-fleet-requests", "--spot-fleet-request-ids", fleet, "--no-terminate-instances");
        Assert.Equal("cancelled_running", cancelled.Items("SuccessfulFleetRequests").Single().Str("CurrentSpotFleetRequestState"));
        Assert.Equal("pending", (await StatesAsync(cli, members))[members[0]]);
    }
}
