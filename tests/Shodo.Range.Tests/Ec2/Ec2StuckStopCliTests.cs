using Shodo.Range.Tests.Infrastructure;
using static Shodo.Range.Tests.Ec2.Ec2CliJson;

namespace Shodo.Range.Tests.Ec2;

/// <summary>A stop that does not finish (a host problem), through the real AWS CLI: stopping until forced.</summary>
public sealed class Ec2StuckStopCliTests(RangeFixture fixture) : IClassFixture<RangeFixture>
{
    private readonly Ec2Time _time = new(fixture);

    [Fact]
    public async Task An_instance_stuck_in_stopping_stays_stopping_with_its_reason_until_a_forced_stop()
    {
        var cli = fixture.Cli.InRegion("us-west-1");
        var id = (await cli.OkAsync("ec2", "run-instances", "--image-id", ImageId, "--instance-type", "c5.large", "--count", "1"))
            .Items("Instances").Single().Str("InstanceId");
        _time.Advance(_time.Timings.Boot);
        lock (fixture.Range.State.Sync) fixture.Range.State.Ec2("us-west-1").FindInstance(id)!.StuckStopping = true;

        var stop = (await cli.OkAsync("ec2", "stop-instances", "--instance-ids", id)).Items("StoppingInstances").Single();
        Assert.Equal("stopping", stop.GetProperty("CurrentState").Str("Name"));
        _time.Advance(_time.Timings.Stop * 3);
        var instance = (await cli.OkAsync("ec2", "describe-instances", "--instance-ids", id)).Instances().Single();
        Assert.Equal("stopping", instance.StateName());
        Assert.Matches(@"^User initiated \(\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2} GMT\)$", instance.Str("StateTransitionReason"));

        await cli.OkAsync("ec2", "stop-instances", "--instance-ids", id, "--force");
        Assert.Equal("stopped", (await cli.OkAsync("ec2", "describe-instances", "--instance-ids", id)).Instances().Single().StateName());
    }
}
