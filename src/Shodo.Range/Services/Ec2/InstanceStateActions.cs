using System.Xml.Linq;
using Shodo.Range.Serving;
using Shodo.Range.State.Ec2;
using static Shodo.Range.Services.Ec2.Ec2Xml;

namespace Shodo.Range.Services.Ec2;

/// <summary>
/// StopInstances, StartInstances, TerminateInstances. Every instance is checked before any is
/// changed, so a refusal (termination or stop protection, a one-time Spot instance) changes nothing.
/// </summary>
public sealed class InstanceStateActions : IEc2Actions
{
    public IEnumerable<Ec2Action> Actions =>
    [
        new("StopInstances", false, StopInstances),
        new("StartInstances", false, StartInstances),
        new("TerminateInstances", false, TerminateInstances),
    ];

    private static List<Ec2Instance> Targets(Ec2Context c)
    {
        var ids = c.Params.List("InstanceId");
        if (ids.Count == 0) throw AwsError.MissingParameter("InstanceId");
        return c.Instances(ids);
    }

    private static IEnumerable<XElement> StopInstances(Ec2Context c)
    {
        var instances = Targets(c);
        foreach (var i in instances)
        {
            if (i.IsGone)
                throw Ec2Errors.IncorrectInstanceState($"This instance '{i.InstanceId}' is not in a state from which it can be stopped.");
            if (i.HasInstanceStoreRoot)
                throw new AwsError("UnsupportedOperation",
                    $"The instance '{i.InstanceId}' does not have an 'ebs' root device type and cannot be stopped.");
            if (i.DisableApiStop)
                throw new AwsError("OperationNotPermitted",
                    $"The instance '{i.InstanceId}' may not be stopped. Modify its 'disableApiStop' instance attribute and try again.");
            if (c.Region.SpotRequestOf(i) is { } request)
            {
                // A maintain fleet's member (Spot Fleet or EC2 Fleet) can be stopped (the fleet replaces it unless its capacity is lowered first).
                if (request.Type == SpotRequest.OneTime && c.Region.FleetOf(i) is not { Maintains: true })
                    throw new AwsError("UnsupportedOperation",
                        $"You can't stop the Spot Instance '{i.InstanceId}' because it is associated with a one-time Spot Instance request. You can only stop Spot Instances associated with persistent Spot Instance requests.");
                if (request.State == SpotRequest.Cancelled)
                    throw new AwsError("UnsupportedOperation",
                        $"You can't stop the Spot Instance '{i.InstanceId}' because its Spot Instance request has been cancelled.");
            }
        }
        var force = c.Params.Bool("Force") == true;
        return Changes(instances, i =>
        {
            if (force) i.StuckStopping = false; // a forced stop finishes what the host did not
            if (i.State is InstanceStates.Pending or InstanceStates.Running) c.Region.Stop(i, c.Now);
        });
    }

    private static IEnumerable<XElement> StartInstances(Ec2Context c)
    {
        var instances = Targets(c);
        foreach (var i in instances.Where(i => i.IsGone || i.State == InstanceStates.Stopping))
            throw Ec2Errors.IncorrectInstanceState($"The instance '{i.InstanceId}' is not in a state from which it can be started.");
        return Changes(instances, i =>
        {
            if (i.State == InstanceStates.Stopped) c.Region.Start(i, c.Now);
        });
    }

    private static IEnumerable<XElement> TerminateInstances(Ec2Context c)
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

    private static IEnumerable<XElement> Changes(List<Ec2Instance> instances, Action<Ec2Instance> change)
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
