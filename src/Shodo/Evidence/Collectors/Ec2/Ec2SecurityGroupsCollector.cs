using Amazon.EC2.Model;
using Shodo.Aws;
using Shodo.Aws.Ec2;
using Shodo.Aws.Protocols;
using Shodo.Evidence.Snapshot;

namespace Shodo.Evidence.Collectors.Ec2;

/// <summary>Security groups of the region with their rules (attackers open SSH or mining ports).</summary>
public sealed class Ec2SecurityGroupsCollector : ICollector, ISnapshotPart
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

    public async Task ReadAsync(StoredAnswers answers, AccountSnapshot s, CancellationToken ct)
    {
        await answers.ForEachXmlAsync("ec2", "DescribeSecurityGroups", a =>
        {
            foreach (var g in a.Body.Descendants("item").Where(i => i.Element("groupId") is not null && i.Element("groupName") is not null))
                s.SecurityGroups.Add(new SecurityGroupFact(a.Record.Region ?? "", g.Required("groupId"), g.Text("groupName"), a.Record.Sha256));
        }, ct);
        AccountSnapshot.Dedupe(s.SecurityGroups, g => g.GroupId);
    }
}
