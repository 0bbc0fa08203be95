using Amazon.EC2.Model;
using Shodo.Aws;
using Shodo.Aws.Ec2;
using Shodo.Aws.Protocols;
using Shodo.Evidence.Snapshot;

namespace Shodo.Evidence.Collectors.Ec2;

/// <summary>Spot requests of the region: a persistent one relaunches an instance that is stopped or terminated.</summary>
public sealed class Ec2SpotRequestsCollector : ICollector, ISnapshotPart
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

    public async Task ReadAsync(StoredAnswers answers, AccountSnapshot s, CancellationToken ct)
    {
        await answers.ForEachXmlAsync("ec2", "DescribeSpotInstanceRequests", a =>
        {
            foreach (var r in a.Body.Descendants("item").Where(i => i.Element("spotInstanceRequestId") is not null))
                s.SpotRequests.Add(new SpotRequestFact(a.Record.Region ?? "", r.Required("spotInstanceRequestId"), r.Text("type"),
                    r.Text("state"), r.Text("instanceId"), r.Element("launchSpecification")?.Text("instanceType"), a.Record.Sha256));
        }, ct);
        AccountSnapshot.Dedupe(s.SpotRequests, r => r.SpotInstanceRequestId);
    }
}
