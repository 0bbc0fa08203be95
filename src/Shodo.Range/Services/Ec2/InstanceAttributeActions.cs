using System.Xml.Linq;
using Shodo.Range.Serving;
using Shodo.Range.State.Ec2;
using static Shodo.Range.Services.Ec2.Ec2Xml;

namespace Shodo.Range.Services.Ec2;

/// <summary>
/// ModifyInstanceAttribute and DescribeInstanceAttribute: termination and stop protection,
/// security groups, shutdown behaviour, user data and instance type (the last two only when stopped).
/// Termination protection cannot be changed on a Spot instance (UnsupportedOperation, as EC2 answers).
/// </summary>
public sealed class InstanceAttributeActions : IEc2Actions
{
    public IEnumerable<Ec2Action> Actions =>
    [
        new("ModifyInstanceAttribute", false, Modify),
        new("DescribeInstanceAttribute", true, Describe),
    ];

    private static IEnumerable<XElement> Modify(Ec2Context c)
    {
        var p = c.Params;
        var instance = c.Instance(p.Required("InstanceId"));
        var attribute = p.Get("Attribute");
        string? Value(string name) => p.Get(name + ".Value")
            ?? (string.Equals(attribute, name, StringComparison.OrdinalIgnoreCase) ? p.Get("Value") : null);
        bool? Flag(string name) => Value(name) is { } v ? string.Equals(v, "true", StringComparison.OrdinalIgnoreCase) : null;

        var groups = p.List("GroupId");
        var changed = false;
        if (Flag("DisableApiTermination") is { } protect)
        {
            // EC2 refuses termination protection on Spot instances, whichever value is sent.
            if (instance.InstanceLifecycle == "spot")
                throw new AwsError("UnsupportedOperation", "Modifying 'disableApiTermination' is not supported for spot instances.");
            instance.DisableApiTermination = protect;
            changed = true;
        }
        if (Flag("DisableApiStop") is { } noStop) { instance.DisableApiStop = noStop; changed = true; }
        if (Value("InstanceInitiatedShutdownBehavior") is { } behaviour)
        {
            if (behaviour is not ("stop" or "terminate"))
                throw AwsError.InvalidParameterValue($"Value ({behaviour}) for parameter instanceInitiatedShutdownBehavior is invalid.");
            instance.InstanceInitiatedShutdownBehavior = behaviour;
            changed = true;
        }
        if (Value("InstanceType") is { } type)
        {
            RequireStopped(instance);
            instance.InstanceType = type;
            changed = true;
        }
        if (Value("UserData") is { } userData)
        {
            RequireStopped(instance);
            instance.UserData = userData;
            changed = true;
        }
        if (groups.Count > 0)
        {
            if (instance.ExtraInterfaces.Count > 0) throw Ec2Errors.MultipleInterfaces(instance.InstanceId);
            c.Region.SetInterfaceGroups(instance, null, c.AttachableGroups(groups, instance.VpcId), c.Now);
            changed = true;
        }
        if (Value("SourceDestCheck") is not null || Value("EbsOptimized") is not null || Value("EnaSupport") is not null)
            changed = true;
        if (!changed)
            throw attribute is null ? AwsError.MissingParameter("Attribute") : AwsError.InvalidParameterValue(
                $"Value ({attribute}) for parameter attribute is invalid. Unknown attribute.");
        return [Return()];
    }

    private static void RequireStopped(Ec2Instance instance)
    {
        if (instance.State != InstanceStates.Stopped)
            throw Ec2Errors.IncorrectInstanceState($"The instance '{instance.InstanceId}' is not in the 'stopped' state.");
    }

    private static IEnumerable<XElement?> Describe(Ec2Context c)
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
