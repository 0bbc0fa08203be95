using System.Xml.Linq;
using Shodo.Range.Serving;
using Shodo.Range.State.Ec2;
using static Shodo.Range.Services.Ec2.Ec2Xml;

namespace Shodo.Range.Services.Ec2;

/// <summary>
/// StopInstances, StartInstances, TerminateInstances. Every instance is checked before any is
/// changed, so a refusal (termination or stop protection, a one-time Spot instance) changes nothing.
/// </summary>
internal static class InstanceStateActions
{
    internal static List<Ec2Instance> Targets(Ec2Context c)
    {
        var ids = c.Params.List("InstanceId");
        if (ids.Count == 0) throw AwsError.MissingParameter("InstanceId");
        return c.Instances(ids);
    }

    internal static IEnumerable<XElement> Changes(List<Ec2Instance> instances, Action<Ec2Instance> change)
    {
        var items = new List<object?[]>();
        foreach (var i in instances)
        {
            var previous = i.State;
            change(i);
            items.Add([V("instanceId", i.InstanceId), InstanceState("currentState", i.State), InstanceState("previousState", previous)]);
        }
        return [Set("instancesSet", items, item => item)];
    }
}
