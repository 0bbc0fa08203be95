using System.Text.Json.Nodes;
using Amazon.EC2.Model;
using Shodo.Aws;
using Shodo.Aws.Ec2;
using Shodo.Aws.Protocols;
using Shodo.Evidence.Snapshot;

namespace Shodo.Evidence.Collectors.Ec2;

/// <summary>EBS snapshots the account owns (an attacker may copy or share them), each with the KMS key of an encrypted one.</summary>
public sealed class Ec2SnapshotsCollector : ICollector, ISnapshotPart
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

    public async Task ReadAsync(StoredAnswers answers, AccountSnapshot s, CancellationToken ct)
    {
        await answers.ForEachXmlAsync("ec2", "DescribeSnapshots", a =>
        {
            foreach (var item in a.Body.Element("snapshotSet")?.Elements("item") ?? [])
                s.EbsSnapshots.Add(new EbsSnapshotFact(a.Record.Region ?? "", item.Required("snapshotId"), item.Text("volumeId"),
                    item.Bool("encrypted"), item.Text("kmsKeyId") is { Length: > 0 } key ? key : null, a.Record.Sha256));
        }, ct).ConfigureAwait(false);
        AccountSnapshot.Dedupe(s.EbsSnapshots, f => (f.Region, f.SnapshotId));
    }
}
