using System.Xml.Linq;
using Shodo.Range.Serving;
using Shodo.Range.State.Ec2;
using static Shodo.Range.Services.Ec2.Ec2FleetActions;
using static Shodo.Range.Services.Ec2.Ec2Xml;

namespace Shodo.Range.Services.Ec2;

/// <summary>ModifyFleet: one of <see cref="Ec2FleetActions"/>.</summary>
internal sealed class ModifyFleet : Ec2Action
{
    public override string Name => "ModifyFleet";

    public override IEnumerable<XElement?> Handle(Ec2Context c)
    {
        var fleet = Find(c, c.Params.Required("FleetId"));
        var target = c.Params.Int(Capacity + "TotalTargetCapacity");
        if (target < 0) throw AwsError.InvalidParameterValue($"Value ({target}) for parameter totalTargetCapacity is invalid.");
        var policy = Policy(c.Params.Get("ExcessCapacityTerminationPolicy"));
        if (!fleet.Maintains)
            throw AwsError.InvalidParameterValue($"You can only modify an EC2 Fleet of type 'maintain'. Fleet {fleet.Id} is of type '{fleet.Type}'.");
        if (fleet.State is not (Ec2Fleet.Active or Ec2Fleet.Submitted))
            throw new AwsError("IncorrectState", $"The fleet {fleet.Id} is in state {fleet.State} and cannot be modified.");
        if (policy is not null) fleet.ExcessCapacityTerminationPolicy = policy;
        c.Region.Modify(fleet, target, c.Now);
        return [Return()];
    }
}
