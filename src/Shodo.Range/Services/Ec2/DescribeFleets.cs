using System.Xml.Linq;
using Shodo.Range.Serving;
using Shodo.Range.State.Ec2;
using static Shodo.Range.Services.Ec2.Ec2FleetActions;
using static Shodo.Range.Services.Ec2.Ec2Xml;

namespace Shodo.Range.Services.Ec2;

/// <summary>DescribeFleets: one of <see cref="Ec2FleetActions"/>.</summary>
internal sealed class DescribeFleets : Ec2Action
{
    public override string Name => "DescribeFleets";

    public override IEnumerable<XElement?> Handle(Ec2Context c)
    {
        var ids = c.Params.List("FleetId");
        var fleets = ids.Count > 0 ? ids.Select(id => Find(c, id)).ToList() : c.Region.Ec2Fleets;
        var (page, next) = Ec2Paging.Page(fleets, c.Params.Int("MaxResults"), c.Params.Get("NextToken"));
        yield return Set("fleetSet", page, f =>
        [
            V("activityStatus", f.ActivityStatus), V("createTime", f.CreateTime), V("fleetId", f.Id), V("fleetState", f.State),
            V("clientToken", f.ClientToken), V("excessCapacityTerminationPolicy", f.ExcessCapacityTerminationPolicy ?? Ec2Fleet.Termination),
            V("fulfilledCapacity", (double)c.Region.Counted(f).Count()),
            V("fulfilledOnDemandCapacity", f.LaunchesSpot ? 0.0 : c.Region.Counted(f).Count()),
            Set("launchTemplateConfigs", [f], t =>
            [
                E("launchTemplateSpecification", V("launchTemplateId", t.LaunchTemplateId), V("launchTemplateName", t.LaunchTemplateName),
                    V("version", t.LaunchTemplateVersion)),
            ]),
            E("targetCapacitySpecification",
                V("totalTargetCapacity", f.TargetCapacity),
                V("onDemandTargetCapacity", f.LaunchesSpot ? 0 : f.TargetCapacity),
                V("spotTargetCapacity", f.LaunchesSpot ? f.TargetCapacity : 0),
                V("defaultTargetCapacityType", f.DefaultTargetCapacityType)),
            V("terminateInstancesWithExpiration", false), V("type", f.Type), V("replaceUnhealthyInstances", f.ReplaceUnhealthyInstances),
            TagSet(c.Region.Tags.Of(f.Id)),
            E("errorSet"),
            Set("fleetInstanceSet", c.Region.Active(f).Any() ? [c.Region.Active(f).ToList()] : Array.Empty<List<Ec2Instance>>(), l =>
            [
                Set("instanceIds", l, i => [new XText(i.InstanceId)]), V("instanceType", l[0].InstanceType),
                V("lifecycle", f.LaunchesSpot ? "spot" : "on-demand"),
            ]),
        ]);
        yield return V("nextToken", next);
    }
}
