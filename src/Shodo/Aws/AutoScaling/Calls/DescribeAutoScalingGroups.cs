using System.Xml.Linq;
using Shodo.Aws.AutoScaling.Model;
using Shodo.Aws.Protocols;

namespace Shodo.Aws.AutoScaling.Calls;

/// <summary>autoscaling:DescribeAutoScalingGroups — the region's groups, or the named ones (a name that does not exist is not listed).</summary>
public sealed record DescribeAutoScalingGroups(IReadOnlyList<string>? Names = null) : AutoScalingPagedCall<AutoScalingGroup>
{
    public override AwsOperation Operation => AutoScalingOperations.DescribeAutoScalingGroups;
    public override void Write(QueryParameters p) => p.AddList("AutoScalingGroupNames", Names);
    public override IReadOnlyList<AutoScalingGroup> Read(XElement r) => r.Items("AutoScalingGroups").Select(AutoScalingGroup.From).ToList();
}
