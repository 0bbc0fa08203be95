using Amazon.EC2.Model;
using Amazon.Runtime;
using Shodo.Aws.Connection;
using Shodo.Aws.Ec2;
using Shodo.Investigation.Model;
using Shodo.Investigation.Pursuit;
using Shodo.Investigation.Resources;
using Shodo.Range;
using Shodo.Tests.Aws;

namespace Shodo.Tests.Investigation.Pursuit;

/// <summary>
/// A Spot request the attacker's events name may be gone (AWS forgets a closed request after hours): AWS then refuses a
/// call by ids as a whole, and the other requests of its region must still be read — their instances are the ones a
/// persistent request would relaunch.
/// </summary>
public sealed class SpotLaunchesTests : IAsyncLifetime
{
    private RangeHost _range = null!;

    public async Task InitializeAsync() =>
        _range = await RangeHost.StartAsync(new RangeOptions { Port = 0, Scenario = "leaked-key-cryptomining" });

    public async Task DisposeAsync() => await _range.DisposeAsync();

    [Fact]
    public async Task A_request_that_is_gone_leaves_the_others_of_its_region_read_with_their_instances()
    {
        using var aws = await AwsConnection.OpenAsync(new AwsConnectionOptions
        {
            Credentials = new BasicAWSCredentials(_range.Responder.AccessKeyId, _range.Responder.SecretAccessKey),
            Region = "us-east-1", EndpointUrl = _range.Url, Retry = TestConnections.QuickRetry,
        });
        var (region, live) = await FirstFulfilledRequestAsync(aws);

        var resources = await SpotLaunches.AddAsync(aws, [Request(region, live.SpotInstanceRequestId), Request(region, "sir-gone0000000")], CancellationToken.None);

        var read = Assert.Single(resources, r => r.ResourceId == live.SpotInstanceRequestId);
        Assert.Equal(live.Type.Value, (string?)read.Attributes["type"]);
        Assert.Contains(resources, r => r.Type == ResourceTypes.Instance && r.ResourceId == live.InstanceId);
        var gone = Assert.Single(resources, r => r.ResourceId == "sir-gone0000000");
        Assert.Null(gone.Attributes["type"]); // left as the events show it
    }

    private static async Task<(string Region, SpotInstanceRequest Request)> FirstFulfilledRequestAsync(AwsConnection aws)
    {
        foreach (var region in await RegionDiscovery.EnabledAsync(aws, CancellationToken.None))
        {
            var answer = await aws.Ec2(region.Name).DescribeSpotInstanceRequestsAsync(new DescribeSpotInstanceRequestsRequest(), CancellationToken.None);
            if ((answer.SpotInstanceRequests ?? []).FirstOrDefault(s => !string.IsNullOrEmpty(s.InstanceId)) is { } found) return (region.Name, found);
        }
        throw new InvalidOperationException("the scenario has no fulfilled Spot request");
    }

    private static AttackerResource Request(string region, string id) => new()
    {
        Id = ResourceId.Of(ResourceTypes.SpotRequest, region, id), Type = ResourceTypes.SpotRequest, Region = region, ResourceId = id,
        CreatedBy = "user:attacker",
    };
}
