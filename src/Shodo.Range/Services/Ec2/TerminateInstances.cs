using System.Xml.Linq;
using Shodo.Range.Serving;
using Shodo.Range.State.Ec2;
using static Shodo.Range.Services.Ec2.Ec2Xml;
using static Shodo.Range.Services.Ec2.InstanceStateActions;

namespace Shodo.Range.Services.Ec2;

/// <summary>TerminateInstances: one of <see cref="InstanceStateActions"/>.</summary>
internal sealed class TerminateInstances : Ec2Action
{
    public override string Name => "TerminateInstances";

    public override IEnumerable<XElement?> Handle(Ec2Context c)
    {
        var instances = Targets(c);
        foreach (var i in instances.Where(i => i.DisableApiTermination && !i.IsGone))
            throw new AwsError("OperationNotPermitted",
                $"The instance '{i.InstanceId}' may not be terminated. Modify its 'disableApiTermination' instance attribute and try again.");
        return Changes(instances, i =>
        {
            if (!i.IsGone) c.Region.Terminate(i, c.Now);
        });
    }
}
