using Amazon.EC2.Model;
using Shodo.Aws;
using Shodo.Aws.Ec2;

namespace Shodo.Evidence.Collectors.Ec2;

/// <summary>Launch templates of the region (attackers use them to relaunch).</summary>
public sealed class Ec2LaunchTemplatesCollector : ICollector
{
    public string Name => "ec2.launch-templates";
    public CollectorScope Scope => CollectorScope.Regional;
    public IReadOnlyList<AwsOperation> Operations { get; } = [Ec2Operations.DescribeLaunchTemplates];

    public Task CollectAsync(CollectionContext context, CancellationToken ct)
    {
        var ec2 = context.Aws.Ec2(context.ClientRegion);
        return context.SdkPagesAsync(Ec2Operations.DescribeLaunchTemplates, null, async (token, c) =>
        {
            var r = await ec2.DescribeLaunchTemplatesAsync(new DescribeLaunchTemplatesRequest { NextToken = token }, c);
            return (r, r.NextToken);
        }, ct);
    }
}
