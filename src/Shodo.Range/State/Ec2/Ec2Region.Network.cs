using System.Net;

namespace Shodo.Range.State.Ec2;

public sealed partial class Ec2Region
{
    /// <summary>The instance an interface is attached to, and the interface when it is not the primary one.</summary>
    public (Ec2Instance Instance, AttachedInterface? Extra)? FindInterface(string networkInterfaceId)
    {
        foreach (var i in Instances.Where(i => i.State != InstanceStates.Terminated))
        {
            if (i.NetworkInterfaceId == networkInterfaceId) return (i, null);
            if (i.ExtraInterfaces.FirstOrDefault(e => e.NetworkInterfaceId == networkInterfaceId) is { } extra) return (i, extra);
        }
        return null;
    }

    public static IReadOnlyList<string> GroupsOf(Ec2Instance instance, AttachedInterface? extra) =>
        extra?.SecurityGroupIds ?? instance.SecurityGroupIds;

    /// <summary>Attaches one more interface in the instance's subnet (scenarios: a multi-homed instance).</summary>
    public AttachedInterface AttachInterface(Ec2Instance instance, IReadOnlyList<string> groups, DateTimeOffset now)
    {
        var subnet = Vpc.Subnets.First(s => s.SubnetId == instance.SubnetId);
        var extra = new AttachedInterface
        {
            NetworkInterfaceId = Ec2Ids.New("eni"), AttachmentId = Ec2Ids.New("eni-attach"),
            DeviceIndex = instance.ExtraInterfaces.Count + 1, PrivateIpAddress = NextPrivateIp(subnet), AttachTime = now,
            SecurityGroupIds = groups.Count > 0 ? groups.ToList() : [DefaultSecurityGroup.GroupId],
        };
        instance.ExtraInterfaces.Add(extra);
        return extra;
    }

    /// <summary>Opens a live outbound connection through an interface (the primary one unless named).</summary>
    public LiveConnection OpenConnection(Ec2Instance instance, string remoteAddress, int remotePort, string? networkInterfaceId = null)
    {
        var connection = new LiveConnection
        {
            NetworkInterfaceId = networkInterfaceId ?? instance.NetworkInterfaceId, RemoteAddress = remoteAddress, RemotePort = remotePort,
        };
        instance.Connections.Add(connection);
        return connection;
    }

    /// <summary>
    /// Sets an interface's security groups, as ModifyNetworkInterfaceAttribute (or ModifyInstanceAttribute for a
    /// single-interface instance) does, and applies connection tracking to its live connections.
    /// </summary>
    public void SetInterfaceGroups(Ec2Instance instance, AttachedInterface? extra, IReadOnlyList<string> groups, DateTimeOffset now)
    {
        if (extra is null) instance.SecurityGroupIds = groups.ToList();
        else extra.SecurityGroupIds = groups.ToList();
        var eni = extra?.NetworkInterfaceId ?? instance.NetworkInterfaceId;
        var rules = groups.Select(FindSecurityGroup).OfType<SecurityGroup>().SelectMany(g => g.Rules).ToList();
        var untracking = AllowsAll(rules, egress: false) && AllowsAll(rules, egress: true);
        foreach (var c in instance.Connections.Where(c => c.IsOpen && c.NetworkInterfaceId == eni))
        {
            if (untracking) c.Tracked = false;
            else if (!c.Tracked && !(Allows(rules, c, egress: true) && Allows(rules, c, egress: false))) c.CutAt = now;
        }
    }

    /// <summary>All protocols and ports to and from anywhere (what makes EC2 stop tracking a flow).</summary>
    private static bool AllowsAll(IEnumerable<SecurityGroupRule> rules, bool egress) =>
        rules.Any(r => r.IsEgress == egress && r.IpProtocol == "-1" && r.CidrIpv4 == "0.0.0.0/0");

    private static bool Allows(IEnumerable<SecurityGroupRule> rules, LiveConnection c, bool egress) =>
        rules.Any(r => r.IsEgress == egress
            && (r.IpProtocol == "-1" || (r.IpProtocol == c.Protocol && (r.FromPort ?? 0) <= c.RemotePort && c.RemotePort <= (r.ToPort ?? 65535)))
            && r.CidrIpv4 is { } cidr && IPNetwork.TryParse(cidr, out var net) && IPAddress.TryParse(c.RemoteAddress, out var ip) && net.Contains(ip));
}
