using System.Xml.Linq;
using Shodo.Range.State.Ec2;
using static Shodo.Range.Services.Ec2.Ec2Xml;
using static Shodo.Range.Services.Ec2.DescribeInstancesActions;

namespace Shodo.Range.Services.Ec2;

/// <summary>DescribeInstances: one of <see cref="DescribeInstancesActions"/>.</summary>
internal sealed class DescribeInstances : Ec2Action
{
    public override string Name => "DescribeInstances";

    public override IEnumerable<XElement?> Handle(Ec2Context c) => DescribeInstances(c);
}
