using System.Xml.Linq;
using Shodo.Range.Serving;
using Shodo.Range.State.Ec2;
using static Shodo.Range.Services.Ec2.Ec2Xml;
using static Shodo.Range.Services.Ec2.NetworkInterfaceActions;

namespace Shodo.Range.Services.Ec2;

/// <summary>ModifyNetworkInterfaceAttribute: one of <see cref="NetworkInterfaceActions"/>.</summary>
internal sealed class ModifyNetworkInterfaceAttribute : Ec2Action
{
    public override string Name => "ModifyNetworkInterfaceAttribute";

    public override IEnumerable<XElement?> Handle(Ec2Context c)
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
}
