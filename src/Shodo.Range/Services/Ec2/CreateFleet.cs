using System.Xml.Linq;
using Shodo.Range.Serving;
using Shodo.Range.State.AutoScaling;
using Shodo.Range.State.Ec2;
using static Shodo.Range.Services.Ec2.Ec2FleetActions;
using static Shodo.Range.Services.Ec2.Ec2Xml;

namespace Shodo.Range.Services.Ec2;

/// <summary>CreateFleet: one of <see cref="Ec2FleetActions"/>.</summary>
internal sealed class CreateFleet : Ec2Action
{
    public override string Name => "CreateFleet";

    public override IEnumerable<XElement?> Handle(Ec2Context c)
    {
        var p = c.Params;
        var target = p.Int(Capacity + "TotalTargetCapacity") ?? throw AwsError.MissingParameter(Capacity + "TotalTargetCapacity");
        if (target < 0) throw AwsError.InvalidParameterValue($"Value ({target}) for parameter totalTargetCapacity is invalid.");
        var type = p.Get("Type") ?? Fleet.Maintain;
        if (type is not (Fleet.Request or Fleet.Maintain or Ec2Fleet.Instant))
            throw AwsError.InvalidParameterValue($"Value ({type}) for parameter type is invalid.");
        var capacityType = p.Get(Capacity + "DefaultTargetCapacityType") ?? Ec2Fleet.OnDemand;
        if (capacityType is not (Ec2Fleet.Spot or Ec2Fleet.OnDemand))
            throw AwsError.InvalidParameterValue($"Value ({capacityType}) for parameter defaultTargetCapacityType is invalid.");
        var policy = Policy(p.Get("ExcessCapacityTerminationPolicy"));
        if (policy is not null && type != Fleet.Maintain)
            throw AwsError.InvalidParameterValue("ExcessCapacityTerminationPolicy is supported only for fleets of type maintain.");
        p.RejectUnknownTagSpecifications(["fleet", "instance"]);
        if (p.Get(Template + "LaunchTemplateId") is null && p.Get(Template + "LaunchTemplateName") is null)
            throw AwsError.MissingParameter("LaunchTemplateConfigs");
        var template = LaunchTemplateActions.Referenced(c, Template.TrimEnd('.'))!;
        var fleet = new Ec2Fleet
        {
            Id = $"fleet-{Guid.NewGuid()}", Type = type, CreateTime = c.Now, TargetCapacity = target,
            ExcessCapacityTerminationPolicy = policy, DefaultTargetCapacityType = capacityType, ClientToken = p.Get("ClientToken"),
            LaunchTemplateId = template.LaunchTemplateId, LaunchTemplateName = template.LaunchTemplateName,
            LaunchTemplateVersion = p.Get(Template + "Version") ?? "$Default",
            ReplaceUnhealthyInstances = p.Bool("ReplaceUnhealthyInstances") ?? false,
            SpotPrice = p.Get("SpotOptions.MaxTotalPrice"),
            Launch = new LaunchSpec
            {
                ImageId = template.ImageId ?? AutoScalingRegion.DefaultImageId, KeyName = template.KeyName,
                InstanceType = p.Get("LaunchTemplateConfigs.1.Overrides.1.InstanceType") ?? template.InstanceType ?? "m1.small",
                InstanceTags = p.TagsFor("instance"),
            },
        };
        c.Region.Ec2Fleets.Add(fleet);
        c.Region.Tags.Set(fleet.Id, p.TagsFor("fleet"));
        yield return V("fleetId", fleet.Id);
        yield return E("errorSet");
        // An instant fleet launches now and says with what; the others launch as the region next settles.
        var launched = type == Ec2Fleet.Instant ? c.Region.Fill(fleet, c.Now) : [];
        yield return Set("fleetInstanceSet", launched.Count > 0 ? [launched] : Array.Empty<IReadOnlyList<Ec2Instance>>(), l =>
        [
            Set("instanceIds", l, i => [new XText(i.InstanceId)]), V("instanceType", l[0].InstanceType),
            V("lifecycle", fleet.LaunchesSpot ? "spot" : "on-demand"),
        ]);
    }
}
