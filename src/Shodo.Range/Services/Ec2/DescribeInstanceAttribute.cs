using System.Xml.Linq;
using Shodo.Range.Serving;
using Shodo.Range.State.Ec2;
using static Shodo.Range.Services.Ec2.Ec2Xml;
using static Shodo.Range.Services.Ec2.InstanceAttributeActions;

namespace Shodo.Range.Services.Ec2;

/// <summary>DescribeInstanceAttribute: one of <see cref="InstanceAttributeActions"/>.</summary>
internal sealed class DescribeInstanceAttribute : Ec2Action
{
    public override string Name => "DescribeInstanceAttribute";

    public override IEnumerable<XElement?> Handle(Ec2Context c)
    {
        var instance = c.Instance(c.Params.Required("InstanceId"));
        var attribute = c.Params.Required("Attribute");
        XElement Value(string name, object? value) => E(name, V("value", value));
        yield return V("instanceId", instance.InstanceId);
        yield return attribute switch
        {
            "disableApiTermination" => Value(attribute, instance.DisableApiTermination),
            "disableApiStop" => Value(attribute, instance.DisableApiStop),
            "instanceInitiatedShutdownBehavior" => Value(attribute, instance.InstanceInitiatedShutdownBehavior),
            "instanceType" => Value(attribute, instance.InstanceType),
            "userData" => instance.UserData is null ? E("userData") : Value(attribute, instance.UserData),
            "rootDeviceName" => Value(attribute, instance.RootDeviceName),
            "sourceDestCheck" => Value(attribute, true),
            "ebsOptimized" => Value(attribute, false),
            "enaSupport" => Value(attribute, true),
            "groupSet" => Set("groupSet", instance.SecurityGroupIds, g =>
                [V("groupId", g), V("groupName", c.Region.FindSecurityGroup(g)?.GroupName)]),
            "blockDeviceMapping" => Set("blockDeviceMapping",
                c.Region.Volumes.Where(v => v.AttachedInstanceId == instance.InstanceId), v =>
                [
                    V("deviceName", v.Device),
                    E("ebs", V("volumeId", v.VolumeId), V("status", "attached"), V("attachTime", v.AttachTime),
                        V("deleteOnTermination", v.DeleteOnTermination)),
                ]),
            "productCodes" => E("productCodes"),
            "kernel" => E("kernel"),
            "ramdisk" => E("ramdisk"),
            _ => throw AwsError.InvalidParameterValue($"Value ({attribute}) for parameter attribute is invalid. Unknown attribute."),
        };
    }
}
