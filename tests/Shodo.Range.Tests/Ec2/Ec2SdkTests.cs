using Amazon.EC2;
using Amazon.EC2.Model;
using Amazon.Runtime;
using Shodo.Range.State.Ec2;
using Shodo.Range.Tests.Infrastructure;

namespace Shodo.Range.Tests.Ec2;

/// <summary>The AWS SDK for .NET's EC2 client against the range.</summary>
public sealed class Ec2SdkTests(RangeFixture fixture) : IClassFixture<RangeFixture>
{
    private readonly Ec2Time _time = new(fixture);

    private AmazonEC2Client Client(string region = "us-east-1") => new(
        new BasicAWSCredentials(fixture.Range.Responder.AccessKeyId, fixture.Range.Responder.SecretAccessKey),
        new AmazonEC2Config { ServiceURL = fixture.Range.Url.ToString(), AuthenticationRegion = region, MaxErrorRetry = 0 });

    [Fact]
    public async Task The_sdk_launches_describes_and_stops_instances_and_reads_regions()
    {
        using var ec2 = Client("ap-southeast-2");
        var regions = await ec2.DescribeRegionsAsync(new DescribeRegionsRequest { AllRegions = true });
        Assert.Contains(regions.Regions, r => r.RegionName == "af-south-1" && r.OptInStatus == "not-opted-in");

        var run = await ec2.RunInstancesAsync(new RunInstancesRequest
        {
            ImageId = "ami-0abcdef1234567890", InstanceType = InstanceType.T3Micro, MinCount = 2, MaxCount = 2,
            TagSpecifications = [new TagSpecification { ResourceType = ResourceType.Instance, Tags = [new Amazon.EC2.Model.Tag("Name", "sdk")] }],
        });
        var ids = run.Reservation.Instances.Select(i => i.InstanceId).ToList();
        Assert.Equal(2, ids.Count);
        Assert.All(run.Reservation.Instances, i => Assert.Equal(InstanceStateName.Pending, i.State.Name));

        _time.Advance(_time.Timings.Boot);
        var described = await ec2.DescribeInstancesAsync(new DescribeInstancesRequest
        {
            Filters = [new Filter("tag:Name", ["sdk"]), new Filter("instance-state-name", ["running"])],
        });
        var instances = described.Reservations.SelectMany(r => r.Instances).ToList();
        Assert.Equal(ids.Order(), instances.Select(i => i.InstanceId).Order());
        Assert.All(instances, i => Assert.True(i.LaunchTime > DateTime.UtcNow.AddDays(-1)));

        var stop = await ec2.StopInstancesAsync(new StopInstancesRequest { InstanceIds = [ids[0]] });
        Assert.Equal(InstanceStateName.Stopping, stop.StoppingInstances.Single().CurrentState.Name);

        await ec2.ModifyInstanceAttributeAsync(new ModifyInstanceAttributeRequest { InstanceId = ids[1], DisableApiTermination = true });
        var refused = await Assert.ThrowsAsync<AmazonEC2Exception>(() =>
            ec2.TerminateInstancesAsync(new TerminateInstancesRequest { InstanceIds = [ids[1]] }));
        Assert.Equal("OperationNotPermitted", refused.ErrorCode);
    }

    [Fact]
    public async Task The_sdk_sees_spot_requests_and_the_refusal_to_stop_a_one_time_spot_instance()
    {
        using var ec2 = Client("eu-west-2");
        var request = await ec2.RequestSpotInstancesAsync(new RequestSpotInstancesRequest
        {
            InstanceCount = 1, Type = SpotInstanceType.OneTime,
            LaunchSpecification = new LaunchSpecification { ImageId = "ami-0abcdef1234567890", InstanceType = InstanceType.G4dn12xlarge },
        });
        var requestId = request.SpotInstanceRequests.Single().SpotInstanceRequestId;
        var fulfilled = (await ec2.DescribeSpotInstanceRequestsAsync(new DescribeSpotInstanceRequestsRequest
        {
            SpotInstanceRequestIds = [requestId],
        })).SpotInstanceRequests.Single();
        Assert.Equal(SpotInstanceState.Active, fulfilled.State);

        var refused = await Assert.ThrowsAsync<AmazonEC2Exception>(() =>
            ec2.StopInstancesAsync(new StopInstancesRequest { InstanceIds = [fulfilled.InstanceId] }));
        Assert.Equal("UnsupportedOperation", refused.ErrorCode);

        using var closed = Client("ap-east-1");
        var disabled = await Assert.ThrowsAsync<AmazonEC2Exception>(() => closed.DescribeInstancesAsync(new DescribeInstancesRequest()));
        Assert.Equal("AuthFailure", disabled.ErrorCode);
    }
}
