using System.Text.Json;
using Shodo.Range.Tests.Ec2;
using Shodo.Range.Tests.Infrastructure;
using static Shodo.Range.Tests.Ec2.Ec2CliJson;

namespace Shodo.Range.Tests.AutoScaling;

/// <summary>
/// Auto Scaling through the real AWS CLI: a group launches from a launch template, the EC2 health check terminates
/// and replaces a stopped member on the range's clock, and SuspendProcesses prevents it, as AWS documents.
/// </summary>
public sealed class AutoScalingCliConformanceTests(RangeFixture fixture) : IClassFixture<RangeFixture>
{
    private readonly Ec2Time _time = new(fixture);

    private async Task<(AwsCli Cli, string Group)> GroupOf4Async(string region)
    {
        var cli = fixture.Cli.InRegion(region);
        var template = fixture.Unique("miner-lt");
        await cli.OkAsync("ec2", "create-launch-template", "--launch-template-name", template,
            "--launch-template-data", $"{{\"ImageId\":\"{ImageId}\",\"InstanceType\":\"g4dn.xlarge\"}}");
        var group = fixture.Unique("miners");
        await cli.OkAsync("autoscaling", "create-auto-scaling-group", "--auto-scaling-group-name", group,
            "--launch-template", $"LaunchTemplateName={template},Version=$Default", "--min-size", "4", "--max-size", "4",
            "--desired-capacity", "4", "--availability-zones", region + "a", region + "b",
            "--tags", $"Key=Name,Value={group},PropagateAtLaunch=true");
        return (cli, group);
    }

    private static async Task<JsonElement> DescribeAsync(AwsCli cli, string group) =>
        (await cli.OkAsync("autoscaling", "describe-auto-scaling-groups", "--auto-scaling-group-names", group))
        .Items("AutoScalingGroups").Single();

    private static List<string> Members(JsonElement group) => group.Items("Instances").Select(i => i.Str("InstanceId")).ToList();

    private static async Task<Dictionary<string, string>> StatesAsync(AwsCli cli, IEnumerable<string> ids) =>
        (await cli.OkAsync(["ec2", "describe-instances", "--instance-ids", .. ids])).Instances()
        .ToDictionary(i => i.Str("InstanceId"), i => i.StateName());

    [Fact]
    public async Task A_group_launches_from_its_template_and_replaces_a_stopped_member_after_the_health_check()
    {
        var (cli, group) = await GroupOf4Async("us-east-2");
        var created = await DescribeAsync(cli, group);
        Assert.Equal(4, created.GetProperty("DesiredCapacity").GetInt32());
        Assert.Equal("EC2", created.Str("HealthCheckType"));
        Assert.Empty(created.Items("SuspendedProcesses"));
        var members = Members(created);
        Assert.Equal(4, members.Count);
        var tagged = (await cli.OkAsync("ec2", "describe-instances", "--filters", $"Name=tag:aws:autoscaling:groupName,Values={group}")).Instances();
        Assert.Equal(members.Order(), tagged.Select(i => i.Str("InstanceId")).Order());
        Assert.All(tagged, i => Assert.Equal("g4dn.xlarge", i.Str("InstanceType")));
        Assert.All(tagged, i => Assert.Equal(group, i.Tag("Name")));

        _time.Advance(_time.Timings.Boot);
        Assert.All((await DescribeAsync(cli, group)).Items("Instances"), i => Assert.Equal("InService", i.Str("LifecycleState")));
        await cli.OkAsync("ec2", "stop-instances", "--instance-ids", members[0]);
        _time.Advance(_time.Timings.Stop);
        Assert.Equal("Healthy", (await DescribeAsync(cli, group)).Items("Instances").Single(i => i.Str("InstanceId") == members[0]).Str("HealthStatus"));

        _time.Advance(TimeSpan.FromMinutes(2));
        var after = await DescribeAsync(cli, group);
        var stopped = after.Items("Instances").Single(i => i.Str("InstanceId") == members[0]);
        Assert.Equal("Unhealthy", stopped.Str("HealthStatus"));
        Assert.Equal("Terminating", stopped.Str("LifecycleState"));
        Assert.Equal("shutting-down", (await StatesAsync(cli, [members[0]]))[members[0]]);
        var replacement = Assert.Single(Members(after).Except(members));
        Assert.Equal(group, (await cli.OkAsync("ec2", "describe-instances", "--instance-ids", replacement)).Instances().Single().Tag("aws:autoscaling:groupName"));
    }

    [Fact]
    public async Task Suspended_processes_keep_a_stopped_member_and_launch_nothing_and_resume_restores_exactly_the_named_ones()
    {
        var (cli, group) = await GroupOf4Async("us-west-1");
        var members = Members(await DescribeAsync(cli, group));
        _time.Advance(_time.Timings.Boot);

        var types = (await cli.OkAsync("autoscaling", "describe-scaling-process-types")).Items("Processes").Select(p => p.Str("ProcessName")).ToList();
        Assert.Superset(new HashSet<string> { "Launch", "Terminate", "HealthCheck", "ReplaceUnhealthy", "AZRebalance", "AlarmNotification", "ScheduledActions", "AddToLoadBalancer" }, types.ToHashSet());

        await cli.OkAsync("autoscaling", "suspend-processes", "--auto-scaling-group-name", group, "--scaling-processes", "AZRebalance");
        await cli.OkAsync("autoscaling", "suspend-processes", "--auto-scaling-group-name", group,
            "--scaling-processes", "Launch", "Terminate", "HealthCheck", "ReplaceUnhealthy", "AZRebalance");
        var suspended = (await DescribeAsync(cli, group)).Items("SuspendedProcesses").ToList();
        Assert.Equal(["AZRebalance", "HealthCheck", "Launch", "ReplaceUnhealthy", "Terminate"], suspended.Select(p => p.Str("ProcessName")).Order(StringComparer.Ordinal));
        Assert.All(suspended, p => Assert.StartsWith("User suspended at ", p.Str("SuspensionReason")));

        await cli.OkAsync("ec2", "stop-instances", "--instance-ids", members[0], members[1]);
        _time.Advance(_time.Timings.Stop);
        await DescribeAsync(cli, group);
        _time.Advance(TimeSpan.FromMinutes(10));
        var held = await DescribeAsync(cli, group);
        Assert.Equal(members.Order(), Members(held).Order());
        Assert.All(held.Items("Instances"), i => Assert.Equal("Healthy", i.Str("HealthStatus")));
        var states = await StatesAsync(cli, members);
        Assert.Equal("stopped", states[members[0]]);
        Assert.Equal("stopped", states[members[1]]);

        await cli.OkAsync("autoscaling", "resume-processes", "--auto-scaling-group-name", group,
            "--scaling-processes", "Launch", "Terminate", "HealthCheck", "ReplaceUnhealthy");
        Assert.Equal("AZRebalance", (await DescribeAsync(cli, group)).Items("SuspendedProcesses").Single().Str("ProcessName"));

        var missing = await cli.FailsWithAsync("ValidationError", "autoscaling", "suspend-processes", "--auto-scaling-group-name", "no-such-group",
            "--scaling-processes", "Launch");
        Assert.Equal("AutoScalingGroup name not found - AutoScalingGroup no-such-group not found", missing.Message());
        await cli.FailsWithAsync("ValidationError", "autoscaling", "suspend-processes", "--auto-scaling-group-name", group, "--scaling-processes", "Lunch");
        Assert.Empty((await cli.OkAsync("autoscaling", "describe-auto-scaling-groups", "--auto-scaling-group-names", "no-such-group")).Items("AutoScalingGroups"));
        await cli.FailsWithAsync("AlreadyExists", "autoscaling", "create-auto-scaling-group", "--auto-scaling-group-name", group,
            "--launch-template", "LaunchTemplateName=any-template", "--min-size", "1", "--max-size", "1", "--availability-zones", "us-west-1a");
    }
}
