using System.Text.Json.Nodes;
using Amazon.EC2;
using Amazon.EC2.Model;
using Shodo.Aws;
using Shodo.Aws.Ec2;
using Shodo.Aws.Protocols;
using Shodo.Evidence.Snapshot;

namespace Shodo.Evidence.Collectors.Ec2;

/// <summary>
/// The region's instances (type, lifecycle, spot request id, key pair, launch time, who launched them), from the
/// paginated DescribeInstances alone. The attributes containment depends on (whether stopping or terminating through
/// the API is disabled) are read per target when containment plans it, and stored then as that target's
/// before-state: three calls per instance of the whole account made a large account's snapshot take minutes.
/// </summary>
public sealed class Ec2InstancesCollector : ICollector, ISnapshotPart
{
    public string Name => "ec2.instances";
    public CollectorScope Scope => CollectorScope.Regional;
    public IReadOnlyList<AwsOperation> Operations { get; } = [Ec2Operations.DescribeInstances];

    public async Task CollectAsync(CollectionContext context, CancellationToken ct)
    {
        var ec2 = context.Aws.Ec2(context.ClientRegion);
        await context.SdkPagesAsync(Ec2Operations.DescribeInstances, null, async (token, c) =>
        {
            var r = await ec2.DescribeInstancesAsync(new DescribeInstancesRequest { NextToken = token }, c);
            return (r, r.NextToken);
        }, ct);
    }

    public async Task ReadAsync(StoredAnswers answers, AccountSnapshot s, CancellationToken ct)
    {
        await answers.ForEachXmlAsync("ec2", "DescribeInstances", a =>
        {
            foreach (var i in a.Body.Descendants("item").Where(i => i.Element("instanceId") is not null && i.Element("instanceType") is not null))
                s.Instances.Add(new InstanceFact(a.Record.Region ?? "", i.Required("instanceId"), i.Required("instanceType"),
                    i.Element("instanceState")?.Text("name"), i.Date("launchTime"), i.Text("spotInstanceRequestId"),
                    i.Text("instanceLifecycle"), i.Text("keyName"), a.Record.Sha256,
                    Tag(i, "aws:ec2spot:fleet-request-id"), Tag(i, "aws:ec2:fleet-id")));
        }, ct);
        AccountSnapshot.Dedupe(s.Instances, i => i.InstanceId);
    }

    private static string? Tag(System.Xml.Linq.XElement instance, string key) =>
        instance.Element("tagSet")?.Elements("item").FirstOrDefault(t => t.Text("key") == key)?.Text("value");
}
