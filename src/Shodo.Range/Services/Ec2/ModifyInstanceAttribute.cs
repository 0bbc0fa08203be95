using System.Xml.Linq;
using Shodo.Range.Serving;
using Shodo.Range.State.Ec2;
using static Shodo.Range.Services.Ec2.Ec2Xml;
using static Shodo.Range.Services.Ec2.InstanceAttributeActions;

namespace Shodo.Range.Services.Ec2;

/// <summary>ModifyInstanceAttribute: one of <see cref="InstanceAttributeActions"/>.</summary>
internal sealed class ModifyInstanceAttribute : Ec2Action
{
    public override string Name => "ModifyInstanceAttribute";

    public override IEnumerable<XElement?> Handle(Ec2Context c)
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
}
