using System.Text.Json;
using Shodo.Range.Tests.Infrastructure;
using static Shodo.Range.Tests.Ec2.Ec2CliJson;

namespace Shodo.Range.Tests.Ec2;

/// <summary>
/// EC2 Fleet through the real AWS CLI (botocore's shapes): a <c>maintain</c> fleet launches its target capacity from a
/// launch template and replaces a member that is stopped, as a Spot Fleet does; TotalTargetCapacity lowered to 0 with
/// ExcessCapacityTerminationPolicy no-termination keeps every member (none terminated) and replaces none; an
/// <c>instant</c> fleet answers with its instances and cannot be modified; an unknown id is InvalidFleetId.NotFound.
/// </summary>
public sealed class Ec2FleetCliConformanceTests(RangeFixture fixture) : IClassFixture<RangeFixture>
{
    private readonly Ec2Time _time = new(fixture);

    private static async Task<string> TemplateAsync(AwsCli cli, string name) =>
        (await cli.OkAsync("ec2", "create-launch-template", "--launch-template-name", name,
            "--launch-template-data", $$"""{"ImageId":"{{ImageId}}","InstanceType":"g4dn.xlarge"}"""))
        .GetProperty("LaunchTemplate").Str("LaunchTemplateId");

    private static string[] Create(string template, string type, int capacity, string market) =>
    [
        "ec2", "create-fleet", "--type", type,
        "--launch-template-configs", $$$"""[{"LaunchTemplateSpecification":{"LaunchTemplateId":"{{{template}}}","Version":"$Default"}}]""",
        "--target-capacity-specification", $$"""{"TotalTargetCapacity":{{capacity}},"DefaultTargetCapacityType":"{{market}}"}""",
    ];

    private static async Task<List<string>> MembersAsync(AwsCli cli, string fleet) =>
        (await cli.OkAsync("ec2", "describe-fleet-instances", "--fleet-id", fleet))
        .Items("ActiveInstances").Select(i => i.Str("InstanceId")).ToList();

    private static async Task<JsonElement> FleetAsync(AwsCli cli, string fleet) =>
        (await cli.OkAsync("ec2", "describe-fleets", "--fleet-ids", fleet)).Items("Fleets").Single();

    private static async Task<Dictionary<string, string>> StatesAsync(AwsCli cli, IEnumerable<string> ids) =>
        (await cli.OkAsync(["ec2", "describe-instances", "--instance-ids", .. ids])).Instances()
        .ToDictionary(i => i.Str("InstanceId"), i => i.StateName());

    [Fact]
    public async Task A_maintain_fleet_replaces_a_stopped_member_until_its_capacity_is_0_with_no_termination()
    {
        var cli = fixture.Cli.InRegion("eu-north-1");
        var template = await TemplateAsync(cli, "render-fleet");
        var created = await cli.OkAsync([.. Create(template, "maintain", 2, "spot")]);
        var fleet = created.Str("FleetId");
        Assert.StartsWith("fleet-", fleet);

        var members = await MembersAsync(cli, fleet);
        Assert.Equal(2, members.Count);
        var described = await FleetAsync(cli, fleet);
        Assert.Equal("active", described.Str("FleetState"));
        Assert.Equal("maintain", described.Str("Type"));
        Assert.Equal(2, described.GetProperty("TargetCapacitySpecification").GetProperty("TotalTargetCapacity").GetInt32());
        Assert.Equal("spot", described.GetProperty("TargetCapacitySpecification").Str("DefaultTargetCapacityType"));
        Assert.Equal(template, described.Items("LaunchTemplateConfigs").Single().GetProperty("LaunchTemplateSpecification").Str("LaunchTemplateId"));
        var instance = (await cli.OkAsync("ec2", "describe-instances", "--instance-ids", members[0])).Instances().Single();
        Assert.Equal("spot", instance.Str("InstanceLifecycle"));
        Assert.Equal(fleet, instance.Tag("aws:ec2:fleet-id"));

        _time.Advance(_time.Timings.Boot);
        await cli.OkAsync("ec2", "stop-instances", "--instance-ids", members[0]);
        _time.Advance(_time.Timings.Stop);
        var replaced = await MembersAsync(cli, fleet);
        var replacement = Assert.Single(replaced.Except(members));
        Assert.Equal("stopped", (await StatesAsync(cli, [members[0]]))[members[0]]);

        var modified = await cli.OkAsync("ec2", "modify-fleet", "--fleet-id", fleet,
            "--target-capacity-specification", "TotalTargetCapacity=0", "--excess-capacity-termination-policy", "no-termination");
        Assert.True(modified.GetProperty("Return").GetBoolean());
        _time.Advance(_time.Timings.Boot);
        await cli.OkAsync("ec2", "stop-instances", "--instance-ids", members[1], replacement);
        _time.Advance(_time.Timings.Stop);
        _time.Advance(TimeSpan.FromMinutes(10));

        var held = await MembersAsync(cli, fleet);
        Assert.Equal(replaced.Order(), held.Order());
        Assert.All(await StatesAsync(cli, held), s => Assert.Equal("stopped", s.Value));
        var after = await FleetAsync(cli, fleet);
        Assert.Equal(0, after.GetProperty("TargetCapacitySpecification").GetProperty("TotalTargetCapacity").GetInt32());
        Assert.Equal("no-termination", after.Str("ExcessCapacityTerminationPolicy"));
    }

    [Fact]
    public async Task Lowering_the_capacity_with_termination_terminates_the_excess()
    {
        var cli = fixture.Cli.InRegion("ap-southeast-2");
        var template = await TemplateAsync(cli, "web-fleet");
        var fleet = (await cli.OkAsync([.. Create(template, "maintain", 2, "on-demand")])).Str("FleetId");
        var members = await MembersAsync(cli, fleet);
        var instance = (await cli.OkAsync("ec2", "describe-instances", "--instance-ids", members[0])).Instances().Single();
        Assert.False(instance.TryGetProperty("InstanceLifecycle", out _)); // on-demand

        await cli.OkAsync("ec2", "modify-fleet", "--fleet-id", fleet, "--target-capacity-specification", "TotalTargetCapacity=1",
            "--excess-capacity-termination-policy", "termination");
        var states = await StatesAsync(cli, members);
        Assert.Equal(1, states.Count(s => s.Value is "shutting-down" or "terminated"));
    }

    [Fact]
    public async Task An_instant_fleet_answers_with_its_instances_cannot_be_modified_and_an_unknown_fleet_is_not_found()
    {
        var cli = fixture.Cli.InRegion("eu-west-3");
        var template = await TemplateAsync(cli, "once");
        var created = await cli.OkAsync([.. Create(template, "instant", 1, "on-demand")]);
        var fleet = created.Str("FleetId");
        var launched = created.Items("Instances").Single().GetProperty("InstanceIds").EnumerateArray().Select(i => i.GetString()!).ToList();
        Assert.Equal(await MembersAsync(cli, fleet), launched);

        await cli.FailsWithAsync("InvalidParameterValue", "ec2", "modify-fleet", "--fleet-id", fleet, "--target-capacity-specification", "TotalTargetCapacity=0");
        await cli.FailsWithAsync("InvalidFleetId.NotFound", "ec2", "describe-fleets", "--fleet-ids", "fleet-00000000-0000-0000-0000-000000000000");
        await cli.FailsWithAsync("InvalidFleetId.NotFound", "ec2", "modify-fleet", "--fleet-id", "fleet-00000000-0000-0000-0000-000000000000",
            "--target-capacity-specification", "TotalTargetCapacity=0");
    }
}
