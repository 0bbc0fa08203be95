using Amazon.EC2.Model;
using Shodo.Aws;
using Shodo.Aws.Ec2;

namespace Shodo.Evidence.Collectors.Ec2;

/// <summary>Security groups of the region with their rules (attackers open SSH or mining ports).</summary>
public sealed class Ec2SecurityGroupsCollector : ICollector
{
    public string Name => "ec2.security-groups";
    public CollectorScope Scope => CollectorScope.Regional;
    public IReadOnlyList<AwsOperation> Operations { get; } = [Ec2Operations.DescribeSecurityGroups];

    public Task CollectAsync(CollectionContext context, CancellationToken ct)
    {
        var ec2 = context.Aws.Ec2(context.ClientRegion);
        return context.SdkPagesAsync(Ec2Operations.DescribeSecurityGroups, null, async (token, c) =>
        {
            var r = await ec2.DescribeSecurityGroupsAsync(new DescribeSecurityGroupsRequest { NextToken = token }, c);
            return (r, r.NextToken);
        }, ct);
    }
}
