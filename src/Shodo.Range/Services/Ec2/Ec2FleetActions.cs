using System.Xml.Linq;
using Shodo.Range.Serving;
using Shodo.Range.State.AutoScaling;
using Shodo.Range.State.Ec2;
using static Shodo.Range.Services.Ec2.Ec2Xml;

namespace Shodo.Range.Services.Ec2;

/// <summary>
/// CreateFleet, DescribeFleets, DescribeFleetInstances and ModifyFleet (botocore's ec2 model for the shapes): EC2 Fleet
/// from a launch template. A <c>maintain</c> fleet replaces a member that stopped running, as a Spot Fleet does (the logic
/// is <see cref="Fleet"/>'s, shared); an <c>instant</c> fleet launches at once and answers with its instances. Only a
/// <c>maintain</c> fleet can be modified. DeleteFleets is not served.
/// </summary>
public sealed class Ec2FleetActions : IEc2Actions
{
    private const string Template = "LaunchTemplateConfigs.1.LaunchTemplateSpecification.";
    private const string Capacity = "TargetCapacitySpecification.";

    public IEnumerable<Ec2Action> Actions =>
    [
        new("CreateFleet", false, CreateFleet),
        new("DescribeFleets", true, DescribeFleets),
        new("DescribeFleetInstances", true, DescribeFleetInstances),
        new("ModifyFleet", false, ModifyFleet),
    ];

    public static AwsError NotFound(string id) => new("InvalidFleetId.NotFound", $"The fleet ID '{id}' does not exist");

    private static IEnumerable<XElement?> CreateFleet(Ec2Context c)
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

    private static string? Policy(string? value) => value switch
    {
        null => null,
        Ec2Fleet.NoTermination or Ec2Fleet.Termination => value,
        _ => throw AwsError.InvalidParameterValue($"Value ({value}) for parameter excessCapacityTerminationPolicy is invalid."),
    };

    private static Ec2Fleet Find(Ec2Context c, string id) => c.Region.FindEc2Fleet(id) ?? throw NotFound(id);

    private static IEnumerable<XElement?> DescribeFleets(Ec2Context c)
    {
        var ids = c.Params.List("FleetId");
        var fleets = ids.Count > 0 ? ids.Select(id => Find(c, id)).ToList() : c.Region.Ec2Fleets;
        var (page, next) = Ec2Paging.Page(fleets, c.Params.Int("MaxResults"), c.Params.Get("NextToken"));
        yield return Set("fleetSet", page, f =>
        [
            V("activityStatus", f.ActivityStatus), V("createTime", f.CreateTime), V("fleetId", f.Id), V("fleetState", f.State),
            V("clientToken", f.ClientToken), V("excessCapacityTerminationPolicy", f.ExcessCapacityTerminationPolicy ?? Ec2Fleet.Termination),
            V("fulfilledCapacity", (double)c.Region.Counted(f).Count()),
            V("fulfilledOnDemandCapacity", f.LaunchesSpot ? 0.0 : c.Region.Counted(f).Count()),
            Set("launchTemplateConfigs", [f], t =>
            [
                E("launchTemplateSpecification", V("launchTemplateId", t.LaunchTemplateId), V("launchTemplateName", t.LaunchTemplateName),
                    V("version", t.LaunchTemplateVersion)),
            ]),
            E("targetCapacitySpecification",
                V("totalTargetCapacity", f.TargetCapacity),
                V("onDemandTargetCapacity", f.LaunchesSpot ? 0 : f.TargetCapacity),
                V("spotTargetCapacity", f.LaunchesSpot ? f.TargetCapacity : 0),
                V("defaultTargetCapacityType", f.DefaultTargetCapacityType)),
            V("terminateInstancesWithExpiration", false), V("type", f.Type), V("replaceUnhealthyInstances", f.ReplaceUnhealthyInstances),
            TagSet(c.Region.Tags.Of(f.Id)),
            E("errorSet"),
            Set("fleetInstanceSet", c.Region.Active(f).Any() ? [c.Region.Active(f).ToList()] : Array.Empty<List<Ec2Instance>>(), l =>
            [
                Set("instanceIds", l, i => [new XText(i.InstanceId)]), V("instanceType", l[0].InstanceType),
                V("lifecycle", f.LaunchesSpot ? "spot" : "on-demand"),
            ]),
        ]);
        yield return V("nextToken", next);
    }

    private static IEnumerable<XElement?> DescribeFleetInstances(Ec2Context c)
    {
        var fleet = Find(c, c.Params.Required("FleetId"));
        yield return Set("activeInstanceSet", c.Region.Active(fleet), i =>
            [V("instanceId", i.InstanceId), V("instanceType", i.InstanceType), V("spotInstanceRequestId", i.SpotInstanceRequestId), V("instanceHealth", "healthy")]);
        yield return V("fleetId", fleet.Id);
    }

    private static IEnumerable<XElement> ModifyFleet(Ec2Context c)
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
