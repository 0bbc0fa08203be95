using System.Xml.Linq;
using Shodo.Range.Serving;
using Shodo.Range.State.Ec2;
using static Shodo.Range.Services.Ec2.Ec2Xml;
using static Shodo.Range.Services.Ec2.SpotFleetActions;

namespace Shodo.Range.Services.Ec2;

/// <summary>DescribeSpotFleetInstances: one of <see cref="SpotFleetActions"/>.</summary>
internal sealed class DescribeSpotFleetInstances : Ec2Action
{
    public override string Name => "DescribeSpotFleetInstances";

    public override IEnumerable<XElement?> Handle(Ec2Context c)
    {
        var fleet = Find(c, c.Params.Required("SpotFleetRequestId"));
        yield return Set("activeInstanceSet", c.Region.Active(fleet), i =>
            [V("instanceId", i.InstanceId), V("instanceType", i.InstanceType), V("spotInstanceRequestId", i.SpotInstanceRequestId), V("instanceHealth", "healthy")]);
        yield return V("spotFleetRequestId", fleet.SpotFleetRequestId);
    }
}
