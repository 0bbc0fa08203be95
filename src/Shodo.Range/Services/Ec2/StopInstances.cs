using System.Xml.Linq;
using Shodo.Range.Serving;
using Shodo.Range.State.Ec2;
using static Shodo.Range.Services.Ec2.Ec2Xml;
using static Shodo.Range.Services.Ec2.InstanceStateActions;

namespace Shodo.Range.Services.Ec2;

/// <summary>StopInstances: one of <see cref="InstanceStateActions"/>.</summary>
internal sealed class StopInstances : Ec2Action
{
    public override string Name => "StopInstances";

    public override IEnumerable<XElement?> Handle(Ec2Context c)
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
}
