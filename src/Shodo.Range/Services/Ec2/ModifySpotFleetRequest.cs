using System.Xml.Linq;
using Shodo.Range.Serving;
using Shodo.Range.State.Ec2;
using static Shodo.Range.Services.Ec2.Ec2Xml;
using static Shodo.Range.Services.Ec2.SpotFleetActions;

namespace Shodo.Range.Services.Ec2;

/// <summary>ModifySpotFleetRequest: one of <see cref="SpotFleetActions"/>.</summary>
internal sealed class ModifySpotFleetRequest : Ec2Action
{
    public override string Name => "ModifySpotFleetRequest";

    public override IEnumerable<XElement?> Handle(Ec2Context c)
    {
        var fleet = Find(c, c.Params.Required("SpotFleetRequestId"));
        var target = c.Params.Int("TargetCapacity");
        if (target < 0) throw AwsError.InvalidParameterValue($"Value ({target}) for parameter targetCapacity is invalid.");
        var policy = Policy(c.Params.Get("ExcessCapacityTerminationPolicy"));
        if (fleet.Type != SpotFleet.Maintain)
            throw new AwsError("InvalidSpotFleetRequestConfig", "Only Spot Fleet requests of type 'maintain' can be modified.");
        if (fleet.State is not (SpotFleet.Active or SpotFleet.Submitted))
            throw new AwsError("InvalidSpotFleetRequestId.IncorrectState",
                $"The Spot Fleet request {fleet.SpotFleetRequestId} is in state {fleet.State} and cannot be modified.");
        c.Region.Modify(fleet, target, policy, c.Now);
        return [Return()];
    }
}
