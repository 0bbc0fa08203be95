using System.Xml.Linq;
using Shodo.Range.Serving;
using Shodo.Range.State.Ec2;
using static Shodo.Range.Services.Ec2.Ec2Xml;
using static Shodo.Range.Services.Ec2.InstanceStateActions;

namespace Shodo.Range.Services.Ec2;

/// <summary>StartInstances: one of <see cref="InstanceStateActions"/>.</summary>
internal sealed class StartInstances : Ec2Action
{
    public override string Name => "StartInstances";

    public override IEnumerable<XElement?> Handle(Ec2Context c)
    {
        var instances = Targets(c);
        foreach (var i in instances.Where(i => i.IsGone || i.State == InstanceStates.Stopping))
            throw Ec2Errors.IncorrectInstanceState($"The instance '{i.InstanceId}' is not in a state from which it can be started.");
        return Changes(instances, i =>
        {
            if (i.State == InstanceStates.Stopped) c.Region.Start(i, c.Now);
        });
    }
}
