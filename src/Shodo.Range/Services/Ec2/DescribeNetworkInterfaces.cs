using System.Xml.Linq;
using Shodo.Range.Serving;
using Shodo.Range.State.Ec2;
using static Shodo.Range.Services.Ec2.Ec2Xml;
using static Shodo.Range.Services.Ec2.NetworkInterfaceActions;

namespace Shodo.Range.Services.Ec2;

/// <summary>DescribeNetworkInterfaces: one of <see cref="NetworkInterfaceActions"/>.</summary>
internal sealed class DescribeNetworkInterfaces : Ec2Action
{
    public override string Name => "DescribeNetworkInterfaces";

    public override IEnumerable<XElement?> Handle(Ec2Context c)
    {
        var ids = c.Params.List("NetworkInterfaceId");
        foreach (var id in ids) Find(c, id);
        var all = c.Region.Instances.Where(i => i.State != InstanceStates.Terminated)
            .SelectMany(i => NetworkInterfaceXml.Of(i).Select(n => (Instance: i, Interface: n)))
            .Where(x => ids.Count == 0 || ids.Contains(x.Interface.Id));
        var filtered = Ec2Filter.Apply(all, c.Params.Filters(), (x, f) => f switch
        {
            "network-interface-id" => [x.Interface.Id],
            "attachment.instance-id" => [x.Instance.InstanceId],
            "attachment.device-index" => [x.Interface.DeviceIndex.ToString(System.Globalization.CultureInfo.InvariantCulture)],
            "attachment.status" or "status" => [x.Instance.State == InstanceStates.Terminated ? "detached" : x.Interface.Id == x.Instance.NetworkInterfaceId ? "attached" : "attached"],
            "group-id" => x.Interface.Groups,
            "vpc-id" => [x.Instance.VpcId],
            "subnet-id" => [x.Instance.SubnetId],
            "private-ip-address" => [x.Interface.PrivateIp],
            _ => null,
        }, x => x.Interface.Id, c.Region.Tags).ToList();
        var (page, next) = Ec2Paging.Page(filtered, c.Params.Int("MaxResults"), c.Params.Get("NextToken"));
        yield return Set("networkInterfaceSet", page, x => NetworkInterfaceXml.Item(c.Region, c.AccountId, x.Instance, x.Interface));
        yield return V("nextToken", next);
    }
}
