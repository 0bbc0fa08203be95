using System.Text.Json.Nodes;
using Amazon.EC2.Model;
using Shodo.Aws;
using Shodo.Aws.Ec2;

namespace Shodo.Evidence.Collectors.Ec2;

/// <summary>EBS snapshots the account owns (an attacker may copy or share them).</summary>
public sealed class Ec2SnapshotsCollector : ICollector
{
    public string Name => "ec2.snapshots";
    public CollectorScope Scope => CollectorScope.Regional;
    public IReadOnlyList<AwsOperation> Operations { get; } = [Ec2Operations.DescribeSnapshots];

    public Task CollectAsync(CollectionContext context, CancellationToken ct)
    {
        var ec2 = context.Aws.Ec2(context.ClientRegion);
        return context.SdkPagesAsync(Ec2Operations.DescribeSnapshots, new JsonObject { ["OwnerIds"] = new JsonArray("self") }, async (token, c) =>
        {
            var r = await ec2.DescribeSnapshotsAsync(new DescribeSnapshotsRequest { NextToken = token, OwnerIds = ["self"] }, c);
            return (r, r.NextToken);
        }, ct);
    }
}
