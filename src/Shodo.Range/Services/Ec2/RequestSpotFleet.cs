using System.Xml.Linq;
using Shodo.Range.Serving;
using Shodo.Range.State.Ec2;
using static Shodo.Range.Services.Ec2.Ec2Xml;
using static Shodo.Range.Services.Ec2.SpotFleetActions;

namespace Shodo.Range.Services.Ec2;

/// <summary>RequestSpotFleet: one of <see cref="SpotFleetActions"/>.</summary>
internal sealed class RequestSpotFleet : Ec2Action
{
    public override string Name => "RequestSpotFleet";

    public override IEnumerable<XElement?> Handle(Ec2Context c)
    {
        var p = c.Params;
        var role = p.Required(Config + "IamFleetRole");
        var target = p.Int(Config + "TargetCapacity") ?? throw AwsError.MissingParameter(Config + "TargetCapacity");
        if (target < 0) throw AwsError.InvalidParameterValue($"Value ({target}) for parameter targetCapacity is invalid.");
        var type = p.Get(Config + "Type") ?? SpotFleet.Maintain;
        if (type is not (SpotFleet.Request or SpotFleet.Maintain))
            throw AwsError.InvalidParameterValue($"Value ({type}) for parameter type is invalid.");
        var policy = Policy(p.Get(Config + "ExcessCapacityTerminationPolicy")) ?? SpotFleet.Default;
        var fleet = new SpotFleet
        {
            SpotFleetRequestId = $"sfr-{Guid.NewGuid()}", Type = type, IamFleetRole = role, Launch = Launch(c),
            CreateTime = c.Now, TargetCapacity = target, ExcessCapacityTerminationPolicy = policy,
            AllocationStrategy = p.Get(Config + "AllocationStrategy") ?? "lowestPrice", SpotPrice = p.Get(Config + "SpotPrice"),
        };
        c.Region.SpotFleets.Add(fleet);
        c.Region.Tags.Set(fleet.SpotFleetRequestId, p.TagsFor("spot-fleet-request", Config + "TagSpecification"));
        return [V("spotFleetRequestId", fleet.SpotFleetRequestId)!];
    }
}
