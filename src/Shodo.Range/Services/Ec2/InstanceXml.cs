using System.Xml.Linq;
using Shodo.Range.State.Ec2;
using static Shodo.Range.Services.Ec2.Ec2Xml;

namespace Shodo.Range.Services.Ec2;

/// <summary>An instance as RunInstances and DescribeInstances return it.</summary>
public static class InstanceXml
{
    public static object?[] Item(Ec2Region region, string ownerId, Ec2Instance i)
    {
        var running = i.State is InstanceStates.Running or InstanceStates.Pending;
        return
        [
            V("instanceId", i.InstanceId), V("imageId", i.ImageId), InstanceState("instanceState", i.State),
            V("privateDnsName", i.State == InstanceStates.Terminated ? "" : i.PrivateDnsName),
            V("dnsName", i.PublicIpAddress is { } ip && running ? $"ec2-{ip.Replace('.', '-')}.compute-1.amazonaws.com" : ""),
            V("reason", i.Reason), V("keyName", i.KeyName), V("amiLaunchIndex", i.AmiLaunchIndex),
            E("productCodes"), V("instanceType", i.InstanceType), V("launchTime", i.LaunchTime),
            E("placement", V("availabilityZone", i.AvailabilityZone), V("groupName", ""), V("tenancy", "default")),
            E("monitoring", V("state", "disabled")),
            i.State == InstanceStates.Terminated ? null : V("subnetId", i.SubnetId),
            i.State == InstanceStates.Terminated ? null : V("vpcId", i.VpcId),
            i.State == InstanceStates.Terminated ? null : V("privateIpAddress", i.PrivateIpAddress),
            running ? V("ipAddress", i.PublicIpAddress) : null,
            V("sourceDestCheck", true),
            // The groups of all its interfaces (those of the primary one first).
            Set("groupSet", i.State == InstanceStates.Terminated ? [] : NetworkInterfaceXml.Of(i).SelectMany(n => n.Groups).Distinct(), (string g) =>
                [V("groupId", g), V("groupName", region.FindSecurityGroup(g)?.GroupName)]),
            i.StateReasonCode is null ? null : E("stateReason", V("code", i.StateReasonCode), V("message", i.StateReasonMessage)),
            V("architecture", i.InstanceType.StartsWith("g5g", StringComparison.Ordinal) || i.InstanceType.Contains("g.") ? "arm64" : "x86_64"),
            V("rootDeviceType", i.RootDeviceType), V("rootDeviceName", i.RootDeviceName),
            Set("blockDeviceMapping", region.Volumes.Where(v => v.AttachedInstanceId == i.InstanceId), (Volume v) =>
            [
                V("deviceName", v.Device),
                E("ebs", V("volumeId", v.VolumeId), V("status", "attached"), V("attachTime", v.AttachTime),
                    V("deleteOnTermination", v.DeleteOnTermination)),
            ]),
            V("instanceLifecycle", i.InstanceLifecycle), V("spotInstanceRequestId", i.SpotInstanceRequestId),
            V("virtualizationType", "hvm"), V("clientToken", i.ClientToken ?? ""),
            TagSet(region.Tags.Of(i.InstanceId)),
            V("hypervisor", "xen"), V("ebsOptimized", false), V("enaSupport", true),
            i.State == InstanceStates.Terminated ? null
                : Set("networkInterfaceSet", NetworkInterfaceXml.Of(i), n => NetworkInterfaceXml.OfInstance(region, ownerId, i, n)),
        ];
    }

    public static object?[] ReservationContent(Ec2Region region, string ownerId, List<Ec2Instance> instances) =>
    [
        V("reservationId", instances[0].ReservationId), V("ownerId", ownerId),
        E("groupSet"),
        Set("instancesSet", instances, i => Item(region, ownerId, i)),
    ];
}
