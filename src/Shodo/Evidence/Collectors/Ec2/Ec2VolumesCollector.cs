using Amazon.EC2.Model;
using Shodo.Aws;
using Shodo.Aws.Ec2;
using Shodo.Aws.Protocols;
using Shodo.Evidence.Snapshot;

namespace Shodo.Evidence.Collectors.Ec2;

/// <summary>
/// EBS volumes of the region (what the instances hold; what a snapshot before containment would copy), each with whether it
/// is encrypted and with which KMS key: reading a disk's data needs the use of its key.
/// </summary>
public sealed class Ec2VolumesCollector : ICollector, ISnapshotPart
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

    /// <summary>Each volume with its encryption, its KMS key and the instance it is attached to.</summary>
    public async Task ReadAsync(StoredAnswers answers, AccountSnapshot s, CancellationToken ct)
    {
        await answers.ForEachXmlAsync("ec2", "DescribeVolumes", a =>
        {
            foreach (var item in a.Body.Element("volumeSet")?.Elements("item") ?? [])
                s.Volumes.Add(new VolumeFact(a.Record.Region ?? "", item.Required("volumeId"), item.Bool("encrypted"),
                    item.Text("kmsKeyId") is { Length: > 0 } key ? key : null,
                    item.Element("attachmentSet")?.Elements("item").Select(i => i.Text("instanceId")).OfType<string>().FirstOrDefault(),
                    a.Record.Sha256));
        }, ct).ConfigureAwait(false);
        AccountSnapshot.Dedupe(s.Volumes, v => (v.Region, v.VolumeId));
    }
}
