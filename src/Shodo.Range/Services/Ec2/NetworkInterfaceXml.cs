using Shodo.Range.State.Ec2;
using static Shodo.Range.Services.Ec2.Ec2Xml;

namespace Shodo.Range.Services.Ec2;

/// <summary>An instance's network interfaces, as DescribeInstances (networkInterfaceSet) and DescribeNetworkInterfaces return them.</summary>
public static class NetworkInterfaceXml
{
    /// <summary>Every interface of the instance: the primary one first, then the attached ones by device index.</summary>
    public static IEnumerable<(string Id, string AttachmentId, int DeviceIndex, string PrivateIp, DateTimeOffset AttachTime, IReadOnlyList<string> Groups, AttachedInterface? Extra)>
        Of(Ec2Instance i) =>
        new[] { (i.NetworkInterfaceId, i.NetworkAttachmentId, 0, i.PrivateIpAddress, i.LaunchTime, (IReadOnlyList<string>)i.SecurityGroupIds, (AttachedInterface?)null) }
            .Concat(i.ExtraInterfaces.OrderBy(e => e.DeviceIndex)
                .Select(e => (e.NetworkInterfaceId, e.AttachmentId, e.DeviceIndex, e.PrivateIpAddress, e.AttachTime, (IReadOnlyList<string>)e.SecurityGroupIds, (AttachedInterface?)e)));

    public static object?[] GroupSet(Ec2Region region, IEnumerable<string> groups) =>
        [Set("groupSet", groups, (string g) => [V("groupId", g), V("groupName", region.FindSecurityGroup(g)?.GroupName)])];

    /// <summary>One item of an instance's networkInterfaceSet.</summary>
    public static object?[] OfInstance(Ec2Region region, string ownerId, Ec2Instance i,
        (string Id, string AttachmentId, int DeviceIndex, string PrivateIp, DateTimeOffset AttachTime, IReadOnlyList<string> Groups, AttachedInterface? Extra) n) =>
    [
        V("networkInterfaceId", n.Id), V("subnetId", i.SubnetId), V("vpcId", i.VpcId), V("description", ""), V("ownerId", ownerId),
        V("status", "in-use"), V("privateIpAddress", n.PrivateIp), V("sourceDestCheck", true), .. GroupSet(region, n.Groups),
        E("attachment", V("attachmentId", n.AttachmentId), V("deviceIndex", n.DeviceIndex), V("networkCardIndex", 0), V("status", "attached"),
            V("attachTime", n.AttachTime), V("deleteOnTermination", n.Extra is null)),
        V("interfaceType", "interface"),
    ];

    /// <summary>One item of DescribeNetworkInterfaces' networkInterfaceSet.</summary>
    public static object?[] Item(Ec2Region region, string ownerId, Ec2Instance i,
        (string Id, string AttachmentId, int DeviceIndex, string PrivateIp, DateTimeOffset AttachTime, IReadOnlyList<string> Groups, AttachedInterface? Extra) n) =>
    [
        V("networkInterfaceId", n.Id), V("subnetId", i.SubnetId), V("vpcId", i.VpcId), V("availabilityZone", i.AvailabilityZone),
        V("description", ""), V("ownerId", ownerId), V("requesterManaged", false), V("status", "in-use"),
        V("privateIpAddress", n.PrivateIp), V("sourceDestCheck", true), .. GroupSet(region, n.Groups),
        E("attachment", V("attachmentId", n.AttachmentId), V("instanceId", i.InstanceId), V("instanceOwnerId", ownerId),
            V("deviceIndex", n.DeviceIndex), V("networkCardIndex", 0), V("status", "attached"), V("attachTime", n.AttachTime),
            V("deleteOnTermination", n.Extra is null)),
        V("interfaceType", "interface"), TagSet(region.Tags.Of(n.Id)),
    ];
}
