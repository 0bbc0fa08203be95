using System.Xml.Linq;
using Shodo.Range.Serving;
using Shodo.Range.State.Ec2;
using static Shodo.Range.Services.Ec2.Ec2Xml;

namespace Shodo.Range.Services.Ec2;

/// <summary>
/// DescribeNetworkInterfaces and ModifyNetworkInterfaceAttribute (security groups, source/dest check, description) for the
/// interfaces attached to instances: the way to change the groups of an instance with more than one interface.
/// </summary>
public sealed class NetworkInterfaceActions : IEc2Actions
{
    public IEnumerable<Ec2Action> Actions =>
    [
        new("DescribeNetworkInterfaces", true, Describe),
        new("ModifyNetworkInterfaceAttribute", false, Modify),
    ];

    private static (Ec2Instance Instance, AttachedInterface? Extra) Find(Ec2Context c, string id)
    {
        if (!Ec2Ids.IsWellFormed(id, "eni")) throw Ec2Errors.Malformed("InvalidNetworkInterfaceID.Malformed", id, "eni");
        return c.Region.FindInterface(id) ?? throw Ec2Errors.NetworkInterfaceNotFound(id);
    }

    private static IEnumerable<XElement> Modify(Ec2Context c)
    {
        var (instance, extra) = Find(c, c.Params.Required("NetworkInterfaceId"));
        var groups = c.Params.List("SecurityGroupId");
        var other = c.Params.Get("SourceDestCheck.Value") ?? c.Params.Get("Description.Value");
        if (groups.Count == 0 && other is null)
            throw AwsError.MissingParameter("Groups");
        if (groups.Count > 0)
            c.Region.SetInterfaceGroups(instance, extra, c.AttachableGroups(groups, instance.VpcId), c.Now);
        return [Return()];
    }

    private static IEnumerable<XElement?> Describe(Ec2Context c)
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
