using Amazon.EC2.Model;
using Shodo.Aws;
using Shodo.Aws.Ec2;

namespace Shodo.Evidence.Collectors.Ec2;

/// <summary>Key pairs of the region (an attacker imports one to log in to the instances they launch).</summary>
public sealed class Ec2KeyPairsCollector : ICollector
{
    public string Name => "ec2.key-pairs";
    public CollectorScope Scope => CollectorScope.Regional;
    public IReadOnlyList<AwsOperation> Operations { get; } = [Ec2Operations.DescribeKeyPairs];

    public Task CollectAsync(CollectionContext context, CancellationToken ct)
    {
        var ec2 = context.Aws.Ec2(context.ClientRegion);
        return context.SdkAsync(Ec2Operations.DescribeKeyPairs, null, null,
            c => ec2.DescribeKeyPairsAsync(new DescribeKeyPairsRequest(), c), ct);
    }
}
