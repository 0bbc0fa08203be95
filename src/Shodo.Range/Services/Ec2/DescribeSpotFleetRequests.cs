using System.Xml.Linq;
using Shodo.Range.Serving;
using Shodo.Range.State.Ec2;
using static Shodo.Range.Services.Ec2.Ec2Xml;
using static Shodo.Range.Services.Ec2.SpotFleetActions;

namespace Shodo.Range.Services.Ec2;

/// <summary>DescribeSpotFleetRequests: one of <see cref="SpotFleetActions"/>.</summary>
internal sealed class DescribeSpotFleetRequests : Ec2Action
{
    public override string Name => "DescribeSpotFleetRequests";

    public override IEnumerable<XElement?> Handle(Ec2Context c)
    {
        var ids = c.Params.List("SpotFleetRequestId");
        var fleets = ids.Count > 0 ? ids.Select(id => Find(c, id)).ToList() : c.Region.SpotFleets;
        var (page, next) = Ec2Paging.Page(fleets, c.Params.Int("MaxResults"), c.Params.Get("NextToken"));
        yield return Set("spotFleetRequestConfigSet", page, f =>
        [
            V("activityStatus", f.ActivityStatus), V("createTime", f.CreateTime),
            E("spotFleetRequestConfig",
                V("allocationStrategy", f.AllocationStrategy),
                V("excessCapacityTerminationPolicy", f.ExcessCapacityTerminationPolicy),
                V("fulfilledCapacity", (double)c.Region.Counted(f).Count()),
                V("iamFleetRole", f.IamFleetRole),
                Set("launchSpecifications", [f.Launch], l => [V("imageId", l.ImageId), V("instanceType", l.InstanceType), V("keyName", l.KeyName)]),
                V("spotPrice", f.SpotPrice),
                V("targetCapacity", f.TargetCapacity), V("onDemandTargetCapacity", 0), V("type", f.Type)),
            V("spotFleetRequestId", f.SpotFleetRequestId), V("spotFleetRequestState", f.State),
            TagSet(c.Region.Tags.Of(f.SpotFleetRequestId)),
        ]);
        yield return V("nextToken", next);
    }
}
