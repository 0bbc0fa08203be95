using Amazon.EC2.Model;
using Shodo.Aws;
using Shodo.Aws.Ec2;

namespace Shodo.Evidence.Collectors.Ec2;

/// <summary>EBS volumes of the region (what the instances hold; what a snapshot before containment would copy).</summary>
public sealed class Ec2VolumesCollector : ICollector
{
    public string Name => "ec2.volumes";
    public CollectorScope Scope => CollectorScope.Regional;
    public IReadOnlyList<AwsOperation> Operations { get; } = [Ec2Operations.DescribeVolumes];

    public Task CollectAsync(CollectionContext context, CancellationToken ct)
    {
        var ec2 = context.Aws.Ec2(context.ClientRegion);
        return context.SdkPagesAsync(Ec2Operations.DescribeVolumes, null, async (token, c) =>
        {
            var r = await ec2.DescribeVolumesAsync(new DescribeVolumesRequest { NextToken = token }, c);
            return (r, r.NextToken);
        }, ct);
    }
}
