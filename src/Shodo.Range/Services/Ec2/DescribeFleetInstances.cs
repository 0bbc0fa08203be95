using System.Xml.Linq;
using Shodo.Range.Serving;
using Shodo.Range.State.Ec2;
using static Shodo.Range.Services.Ec2.Ec2FleetActions;
using static Shodo.Range.Services.Ec2.Ec2Xml;

namespace Shodo.Range.Services.Ec2;

/// <summary>DescribeFleetInstances: one of <see cref="Ec2FleetActions"/>.</summary>
internal sealed class DescribeFleetInstances : Ec2Action
{
    public override string Name => "DescribeFleetInstances";

    public override IEnumerable<XElement?> Handle(Ec2Context c)
    {
        var fleet = Find(c, c.Params.Required("FleetId"));
        yield return Set("activeInstanceSet", c.Region.Active(fleet), i =>
            [V("instanceId", i.InstanceId), V("instanceType", i.InstanceType), V("spotInstanceRequestId", i.SpotInstanceRequestId), V("instanceHealth", "healthy")]);
        yield return V("fleetId", fleet.Id);
    }
}
