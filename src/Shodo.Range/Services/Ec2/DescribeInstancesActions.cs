using System.Xml.Linq;
using Shodo.Range.State.Ec2;
using static Shodo.Range.Services.Ec2.Ec2Xml;

namespace Shodo.Range.Services.Ec2;

/// <summary>DescribeInstances (ids, filters, paging) and DescribeInstanceStatus.</summary>
internal static class DescribeInstancesActions
{
    internal static List<Ec2Instance> Select(Ec2Context c)
    {
        var ids = c.Params.List("InstanceId");
        if (ids.Count > 0 && c.Params.Get("MaxResults") is not null)
            throw Ec2Errors.InvalidParameterCombination("The parameter instancesSet cannot be used with the parameter maxResults");
        var instances = ids.Count > 0 ? c.Instances(ids) : c.Region.Instances;
        return Ec2Filter.Apply(instances, c.Params.Filters(), (i, f) => Values(c.Region, i, f), i => i.InstanceId, c.Region.Tags).ToList();
    }

    internal static IEnumerable<string?>? Values(Ec2Region region, Ec2Instance i, string filter) => filter switch
    {
        "instance-id" => [i.InstanceId],
        "instance-state-name" => [i.State],
        "instance-state-code" => [InstanceStates.Code(i.State).ToString(System.Globalization.CultureInfo.InvariantCulture)],
        "instance-type" => [i.InstanceType],
        "key-name" => [i.KeyName],
        "image-id" => [i.ImageId],
        "availability-zone" => [i.AvailabilityZone],
        "reservation-id" => [i.ReservationId],
        "private-ip-address" => [i.PrivateIpAddress],
        "ip-address" => [i.PublicIpAddress],
        "vpc-id" => [i.VpcId],
        "subnet-id" => [i.SubnetId],
        "instance-lifecycle" => [i.InstanceLifecycle],
        "spot-instance-request-id" => [i.SpotInstanceRequestId],
        "launch-time" => [Time(i.LaunchTime)],
        "instance.group-id" or "group-id" => NetworkInterfaceXml.Of(i).SelectMany(n => n.Groups),
        "network-interface.network-interface-id" => NetworkInterfaceXml.Of(i).Select(n => n.Id),
        "instance.group-name" or "group-name" => i.SecurityGroupIds.Select(g => region.FindSecurityGroup(g)?.GroupName),
        "owner-id" => [region.AccountId],
        _ => null,
    };

    internal static IEnumerable<XElement?> DescribeInstances(Ec2Context c)
    {
        var (page, next) = Ec2Paging.Page(Select(c), c.Params.Int("MaxResults"), c.Params.Get("NextToken"));
        yield return new XElement("reservationSet", page
            .GroupBy(i => i.ReservationId)
            .Select(r => new XElement("item", InstanceXml.ReservationContent(c.Region, c.AccountId, r.ToList()))));
        yield return V("nextToken", next);
    }

    internal static string Status(Ec2Instance i, DateTimeOffset now, TimeSpan checks) =>
        i.State != InstanceStates.Running ? "not-applicable"
        : now - i.RunningSince >= checks ? "ok" : "initializing";

    internal static XElement Check(string name, string detail, Ec2Instance i, Ec2Context c)
    {
        var status = Status(i, c.Now, c.Region.Timings.StatusChecks);
        var detailStatus = status switch { "ok" => "passed", "initializing" => "initializing", _ => "not-applicable" };
        return E(name, V("status", status), Set("details", [detail], d => [V("name", d), V("status", detailStatus)]));
    }
}
