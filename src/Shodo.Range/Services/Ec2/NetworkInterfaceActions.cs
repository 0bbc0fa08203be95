using System.Xml.Linq;
using Shodo.Range.Serving;
using Shodo.Range.State.Ec2;
using static Shodo.Range.Services.Ec2.Ec2Xml;

namespace Shodo.Range.Services.Ec2;

/// <summary>
/// DescribeNetworkInterfaces and ModifyNetworkInterfaceAttribute (security groups, source/dest check, description) for the
/// interfaces attached to instances: the way to change the groups of an instance with more than one interface.
/// </summary>
internal static class NetworkInterfaceActions
{
    internal static (Ec2Instance Instance, AttachedInterface? Extra) Find(Ec2Context c, string id)
    {
        if (!Ec2Ids.IsWellFormed(id, "eni")) throw Ec2Errors.Malformed("InvalidNetworkInterfaceID.Malformed", id, "eni");
        return c.Region.FindInterface(id) ?? throw Ec2Errors.NetworkInterfaceNotFound(id);
    }
}
