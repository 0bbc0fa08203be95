using System.Xml.Linq;
using Shodo.Range.Serving;
using Shodo.Range.State;
using static Shodo.Range.Services.Ec2.Ec2Xml;
using static Shodo.Range.Services.Ec2.RegionActions;

namespace Shodo.Range.Services.Ec2;

/// <summary>DescribeRegions: one of <see cref="RegionActions"/>.</summary>
internal sealed class DescribeRegions : Ec2Action
{
    public override string Name => "DescribeRegions";

    public override IEnumerable<XElement?> Handle(Ec2Context c) => DescribeRegions(c);
}
