using System.Xml.Linq;
using Shodo.Range.State.Ec2;
using static Shodo.Range.Services.Ec2.Ec2Xml;
using static Shodo.Range.Services.Ec2.DescribeInstancesActions;

namespace Shodo.Range.Services.Ec2;

/// <summary>DescribeInstanceStatus: one of <see cref="DescribeInstancesActions"/>.</summary>
internal sealed class DescribeInstanceStatus : Ec2Action
{
    public override string Name => "DescribeInstanceStatus";

    public override IEnumerable<XElement?> Handle(Ec2Context c)
    {
        var includeAll = c.Params.Bool("IncludeAllInstances") == true;
        var ids = c.Params.List("InstanceId");
        var instances = (ids.Count > 0 ? c.Instances(ids) : c.Region.Instances)
            .Where(i => includeAll || i.State == InstanceStates.Running);
        var filtered = Ec2Filter.Apply(instances, c.Params.Filters(), (i, f) => f switch
        {
            "availability-zone" => [i.AvailabilityZone],
            "instance-state-name" => [i.State],
            "instance-state-code" => [InstanceStates.Code(i.State).ToString(System.Globalization.CultureInfo.InvariantCulture)],
            "instance-status.status" or "system-status.status" => [Status(i, c.Now, c.Region.Timings.StatusChecks)],
            _ => null,
        }, i => i.InstanceId, c.Region.Tags).ToList();
        var (page, next) = Ec2Paging.Page(filtered, c.Params.Int("MaxResults"), c.Params.Get("NextToken"));
        yield return Set("instanceStatusSet", page, i =>
        [
            V("instanceId", i.InstanceId), V("availabilityZone", i.AvailabilityZone), InstanceState("instanceState", i.State),
            Check("systemStatus", "reachability", i, c), Check("instanceStatus", "reachability", i, c),
        ]);
        yield return V("nextToken", next);
    }
}
