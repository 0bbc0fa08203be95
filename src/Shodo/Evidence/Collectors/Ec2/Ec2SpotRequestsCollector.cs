using Amazon.EC2.Model;
using Shodo.Aws;
using Shodo.Aws.Ec2;

namespace Shodo.Evidence.Collectors.Ec2;

/// <summary>Spot requests of the region: a persistent one relaunches an instance that is stopped or terminated.</summary>
public sealed class Ec2SpotRequestsCollector : ICollector
{
    public string Name => "ec2.spot-requests";
    public CollectorScope Scope => CollectorScope.Regional;
    public IReadOnlyList<AwsOperation> Operations { get; } = [Ec2Operations.DescribeSpotInstanceRequests];

    public Task CollectAsync(CollectionContext context, CancellationToken ct)
    {
        var ec2 = context.Aws.Ec2(context.ClientRegion);
        return context.SdkPagesAsync(Ec2Operations.DescribeSpotInstanceRequests, null, async (token, c) =>
        {
            var r = await ec2.DescribeSpotInstanceRequestsAsync(new DescribeSpotInstanceRequestsRequest { NextToken = token }, c);
            return (r, r.NextToken);
        }, ct);
    }
}
