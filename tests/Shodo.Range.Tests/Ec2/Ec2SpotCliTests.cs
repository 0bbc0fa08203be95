using Shodo.Range.State.Ec2;
using Shodo.Range.Tests.Infrastructure;
using static Shodo.Range.Tests.Ec2.Ec2CliJson;

namespace Shodo.Range.Tests.Ec2;

/// <summary>Spot requests through the real AWS CLI: one-time, persistent, cancellation, the stop refusal.</summary>
public sealed class Ec2SpotCliTests(RangeFixture fixture) : IClassFixture<RangeFixture>
{
    private readonly Ec2Time _time = new(fixture);

    private void Advance(TimeSpan by) => _time.Advance(by);

    [Fact]
    public async Task Run_instances_on_the_spot_market_makes_a_one_time_request_whose_instance_cannot_be_stopped()
    {
        var cli = fixture.Cli.InRegion("eu-central-1");
        var run = await cli.OkAsync("ec2", "run-instances", "--image-id", ImageId, "--instance-type", "g4dn.12xlarge",
            "--count", "1", "--instance-market-options", "MarketType=spot,SpotOptions={SpotInstanceType=one-time}");
        var instance = run.Items("Instances").Single();
        Assert.Equal("spot", instance.Str("InstanceLifecycle"));
        var requestId = instance.Str("SpotInstanceRequestId");
        Assert.Matches("^sir-[0-9a-z]{8}$", requestId);
        var id = instance.Str("InstanceId");

        var request = (await cli.OkAsync("ec2", "describe-spot-instance-requests", "--spot-instance-request-ids", requestId))
            .Items("SpotInstanceRequests").Single();
        Assert.Equal("one-time", request.Str("Type"));
        Assert.Equal("active", request.Str("State"));
        Assert.Equal("fulfilled", request.GetProperty("Status").Str("Code"));
        Assert.Equal(id, request.Str("InstanceId"));

        Advance(_time.Timings.Boot);
        var refused = await cli.FailsWithAsync("UnsupportedOperation", "ec2", "stop-instances", "--instance-ids", id);
        Assert.Equal($"You can't stop the Spot Instance '{id}' because it is associated with a one-time Spot Instance request. You can only stop Spot Instances associated with persistent Spot Instance requests.",
            refused.Message());
        Assert.Equal("running", (await cli.OkAsync("ec2", "describe-instances", "--instance-ids", id)).Instances().Single().StateName());

        await cli.OkAsync("ec2", "terminate-instances", "--instance-ids", id);
        var closed = (await cli.OkAsync("ec2", "describe-spot-instance-requests", "--filters", $"Name=spot-instance-request-id,Values={requestId}"))
            .Items("SpotInstanceRequests").Single();
        Assert.Equal("closed", closed.Str("State"));
        Assert.Equal("instance-terminated-by-user", closed.GetProperty("Status").Str("Code"));
    }

    [Fact]
    public async Task A_persistent_request_relaunches_until_cancelled_and_cancelling_does_not_terminate()
    {
        var cli = fixture.Cli.InRegion("sa-east-1");
        var made = await cli.OkAsync("ec2", "request-spot-instances", "--type", "persistent", "--instance-count", "1",
            "--instance-interruption-behavior", "stop", "--spot-price", "3.00",
            "--launch-specification", $"{{\"ImageId\":\"{ImageId}\",\"InstanceType\":\"p3.8xlarge\"}}",
            "--tag-specifications", "ResourceType=spot-instances-request,Tags=[{Key=Name,Value=persistent-miner}]");
        var open = made.Items("SpotInstanceRequests").Single();
        Assert.Equal("open", open.Str("State"));
        Assert.Equal("persistent", open.Str("Type"));
        Assert.Equal("persistent-miner", open.Tag("Name"));
        var requestId = open.Str("SpotInstanceRequestId");

        async Task<System.Text.Json.JsonElement> Request() =>
            (await cli.OkAsync("ec2", "describe-spot-instance-requests", "--spot-instance-request-ids", requestId)).Items("SpotInstanceRequests").Single();

        var first = (await Request()).Str("InstanceId");
        Advance(_time.Timings.Boot);
        var firstInstance = (await cli.OkAsync("ec2", "describe-instances", "--instance-ids", first)).Instances().Single();
        Assert.Equal(requestId, firstInstance.Str("SpotInstanceRequestId"));
        Assert.Equal("running", firstInstance.StateName());

        await cli.OkAsync("ec2", "terminate-instances", "--instance-ids", first);
        var relaunched = await Request();
        Assert.Equal("active", relaunched.Str("State"));
        var second = relaunched.Str("InstanceId");
        Assert.NotEqual(first, second);

        Advance(_time.Timings.Boot);
        await cli.OkAsync("ec2", "stop-instances", "--instance-ids", second);
        Assert.Equal("disabled", (await Request()).Str("State"));
        Advance(_time.Timings.Stop);
        await cli.OkAsync("ec2", "start-instances", "--instance-ids", second);
        Advance(_time.Timings.Boot);

        var cancel = await cli.OkAsync("ec2", "cancel-spot-instance-requests", "--spot-instance-request-ids", requestId);
        Assert.Equal("cancelled", cancel.Items("CancelledSpotInstanceRequests").Single().Str("State"));
        var cancelled = await Request();
        Assert.Equal("request-canceled-and-instance-running", cancelled.GetProperty("Status").Str("Code"));
        Assert.Equal("running", (await cli.OkAsync("ec2", "describe-instances", "--instance-ids", second)).Instances().Single().StateName());

        await cli.OkAsync("ec2", "terminate-instances", "--instance-ids", second);
        Advance(_time.Timings.Shutdown);
        var live = (await cli.OkAsync("ec2", "describe-instances", "--filters", $"Name=spot-instance-request-id,Values={requestId}",
            "Name=instance-state-name,Values=pending,running")).Instances();
        Assert.Empty(live);
        await cli.FailsWithAsync("InvalidSpotInstanceRequestID.NotFound", "ec2", "cancel-spot-instance-requests",
            "--spot-instance-request-ids", "sir-00000000");
    }

    [Fact]
    public async Task Termination_protection_cannot_be_changed_on_a_spot_instance_as_EC2_refuses_it()
    {
        var cli = fixture.Cli.InRegion("ap-south-1");
        var run = await cli.OkAsync("ec2", "run-instances", "--image-id", ImageId, "--instance-type", "c5.large",
            "--count", "1", "--instance-market-options", "MarketType=spot,SpotOptions={SpotInstanceType=persistent,InstanceInterruptionBehavior=stop}");
        var id = run.Items("Instances").Single().Str("InstanceId");
        Advance(_time.Timings.Boot);

        foreach (var flag in new[] { "--disable-api-termination", "--no-disable-api-termination" })
        {
            var refused = await cli.FailsWithAsync("UnsupportedOperation", "ec2", "modify-instance-attribute", "--instance-id", id, flag);
            Assert.Equal("Modifying 'disableApiTermination' is not supported for spot instances.", refused.Message());
        }
        var attribute = await cli.OkAsync("ec2", "describe-instance-attribute", "--instance-id", id, "--attribute", "disableApiTermination");
        Assert.False(attribute.GetProperty("DisableApiTermination").GetProperty("Value").GetBoolean());

        var onDemand = (await cli.OkAsync("ec2", "run-instances", "--image-id", ImageId, "--instance-type", "c5.large", "--count", "1"))
            .Items("Instances").Single().Str("InstanceId");
        await cli.OkAsync("ec2", "modify-instance-attribute", "--instance-id", onDemand, "--disable-api-termination");
    }
}
