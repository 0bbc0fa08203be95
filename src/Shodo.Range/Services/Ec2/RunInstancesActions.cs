using System.Xml.Linq;
using Shodo.Range.Serving;
using Shodo.Range.State.Ec2;

namespace Shodo.Range.Services.Ec2;

/// <summary>RunInstances: on-demand, or spot through InstanceMarketOptions (a one-time Spot request per instance by default).</summary>
internal static class RunInstancesActions
{
    internal static readonly string[] Taggable = ["instance", "volume", "spot-instances-request", "network-interface"];

    /// <summary>
    /// NetworkInterface.N with DeviceIndex 1 and up: one more interface each in the instance's subnet, with its own groups
    /// (NetworkInterface.N.SecurityGroupId.M; the default group when none). Device index 0 is the primary interface.
    /// </summary>
    internal static void AttachInterfaces(Ec2Context c, IReadOnlyList<Ec2Instance> instances)
    {
        var extra = c.Params.Members("NetworkInterface")
            .Where(m => c.Params.Int(m + ".DeviceIndex") is > 0)
            .OrderBy(m => c.Params.Int(m + ".DeviceIndex"))
            .Select(m => c.Params.List(m + ".SecurityGroupId")).ToList();
        foreach (var instance in instances)
            foreach (var groups in extra)
                c.Region.AttachInterface(instance, c.AttachableGroups(groups, instance.VpcId), c.Now);
    }
}
