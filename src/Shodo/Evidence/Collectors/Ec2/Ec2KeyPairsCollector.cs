using Amazon.EC2.Model;
using Shodo.Aws;
using Shodo.Aws.Ec2;
using Shodo.Aws.Protocols;
using Shodo.Evidence.Snapshot;

namespace Shodo.Evidence.Collectors.Ec2;

/// <summary>Key pairs of the region (an attacker imports one to log in to the instances they launch).</summary>
public sealed class Ec2KeyPairsCollector : ICollector, ISnapshotPart
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

    public async Task ReadAsync(StoredAnswers answers, AccountSnapshot s, CancellationToken ct)
    {
        await answers.ForEachXmlAsync("ec2", "DescribeKeyPairs", a =>
        {
            foreach (var k in a.Body.Descendants("item").Where(i => i.Element("keyName") is not null))
                s.KeyPairs.Add(new KeyPairFact(a.Record.Region ?? "", k.Required("keyName"), k.Text("keyPairId"), a.Record.Sha256));
        }, ct);
        AccountSnapshot.Dedupe(s.KeyPairs, k => (k.Region, k.KeyName));
    }
}
