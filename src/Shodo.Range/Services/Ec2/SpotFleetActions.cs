using System.Xml.Linq;
using Shodo.Range.Serving;
using Shodo.Range.State.Ec2;
using static Shodo.Range.Services.Ec2.Ec2Xml;

namespace Shodo.Range.Services.Ec2;

/// <summary>
/// RequestSpotFleet, DescribeSpotFleetRequests, DescribeSpotFleetInstances, ModifySpotFleetRequest and
/// CancelSpotFleetRequests (botocore's ec2 model for the shapes). A fleet launches when the region next settles; a
/// <c>maintain</c> fleet replaces a member that stopped running (<see cref="SpotFleet"/>). Only a <c>maintain</c> fleet can
/// be modified; cancelling terminates the members only with TerminateInstances=true.
/// </summary>
public sealed class SpotFleetActions : IEc2Actions
{
    private const string Config = "SpotFleetRequestConfig.";

    public IEnumerable<Ec2Action> Actions =>
    [
        new("RequestSpotFleet", false, RequestSpotFleet),
        new("DescribeSpotFleetRequests", true, DescribeSpotFleetRequests),
        new("DescribeSpotFleetInstances", true, DescribeSpotFleetInstances),
        new("ModifySpotFleetRequest", false, ModifySpotFleetRequest),
        new("CancelSpotFleetRequests", false, CancelSpotFleetRequests),
    ];

    public static AwsError NotFound(string id) =>
        new("InvalidSpotFleetRequestId.NotFound", $"The Spot Fleet request ID '{id}' does not exist");

    private static IEnumerable<XElement> RequestSpotFleet(Ec2Context c)
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

    /// <summary>The first launch specification, or the first launch template config's template.</summary>
    private static LaunchSpec Launch(Ec2Context c)
    {
        var p = c.Params;
        const string spec = Config + "LaunchSpecifications.1.";
        if (p.Get(spec + "ImageId") is { } image)
            return LaunchSpecs.From(c, spec, image, p.Get(spec + "InstanceType"), p.Get(spec + "KeyName"));
        const string template = Config + "LaunchTemplateConfigs.1.LaunchTemplateSpecification.";
        var id = p.Get(template + "LaunchTemplateId");
        var name = p.Get(template + "LaunchTemplateName");
        if (id is null && name is null)
            throw new AwsError("InvalidSpotFleetRequestConfig", "Either LaunchSpecifications or LaunchTemplateConfigs must be specified.");
        var found = c.Region.LaunchTemplates.FirstOrDefault(t => t.LaunchTemplateId == id || t.LaunchTemplateName == name)
                    ?? throw new AwsError("InvalidLaunchTemplateId.NotFound", $"The specified launch template, with template ID {id ?? name}, does not exist.");
        return new LaunchSpec
        {
            ImageId = found.ImageId ?? Shodo.Range.State.AutoScaling.AutoScalingRegion.DefaultImageId,
            InstanceType = found.InstanceType ?? "m1.small", KeyName = found.KeyName,
        };
    }

    private static string? Policy(string? value) => value switch
    {
        null => null,
        SpotFleet.NoTermination or SpotFleet.Default => value,
        _ => throw AwsError.InvalidParameterValue($"Value ({value}) for parameter excessCapacityTerminationPolicy is invalid."),
    };

    private static SpotFleet Find(Ec2Context c, string id) => c.Region.FindSpotFleet(id) ?? throw NotFound(id);

    private static IEnumerable<XElement?> DescribeSpotFleetRequests(Ec2Context c)
    {
        var ids = c.Params.List("SpotFleetRequestId");
        var fleets = ids.Count > 0 ? ids.Select(id => Find(c, id)).ToList() : c.Region.SpotFleets;
        var (page, next) = Ec2Paging.Page(fleets, c.Params.Int("MaxResults"), c.Params.Get("NextToken"));
        yield return Set("spotFleetRequestConfigSet", page, f =>
        [
            V("activityStatus", f.ActivityStatus), V("createTime", f.CreateTime),
            E("spotFleetRequestConfig",
                V("allocationStrategy", f.AllocationStrategy),
                V("excessCapacityTerminationPolicy", f.ExcessCapacityTerminationPolicy),
                V("fulfilledCapacity", (double)c.Region.Counted(f).Count()),
                V("iamFleetRole", f.IamFleetRole),
                Set("launchSpecifications", [f.Launch], l => [V("imageId", l.ImageId), V("instanceType", l.InstanceType), V("keyName", l.KeyName)]),
                V("spotPrice", f.SpotPrice),
                V("targetCapacity", f.TargetCapacity), V("onDemandTargetCapacity", 0), V("type", f.Type)),
            V("spotFleetRequestId", f.SpotFleetRequestId), V("spotFleetRequestState", f.State),
            TagSet(c.Region.Tags.Of(f.SpotFleetRequestId)),
        ]);
        yield return V("nextToken", next);
    }

    private static IEnumerable<XElement?> DescribeSpotFleetInstances(Ec2Context c)
    {
        var fleet = Find(c, c.Params.Required("SpotFleetRequestId"));
        yield return Set("activeInstanceSet", c.Region.Active(fleet), i =>
            [V("instanceId", i.InstanceId), V("instanceType", i.InstanceType), V("spotInstanceRequestId", i.SpotInstanceRequestId), V("instanceHealth", "healthy")]);
        yield return V("spotFleetRequestId", fleet.SpotFleetRequestId);
    }

    private static IEnumerable<XElement> ModifySpotFleetRequest(Ec2Context c)
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

    private static IEnumerable<XElement> CancelSpotFleetRequests(Ec2Context c)
    {
        var ids = c.Params.List("SpotFleetRequestId");
        if (ids.Count == 0) throw AwsError.MissingParameter("SpotFleetRequestId");
        var terminate = c.Params.Bool("TerminateInstances") ?? throw AwsError.MissingParameter("TerminateInstances");
        var done = new List<(string Id, string Previous, string Current)>();
        var failed = new List<string>();
        foreach (var id in ids)
        {
            if (c.Region.FindSpotFleet(id) is not { } fleet) { failed.Add(id); continue; }
            var previous = fleet.State;
            if (!fleet.IsCancelled) c.Region.CancelFleet(fleet, terminate, c.Now);
            done.Add((id, previous, fleet.State));
        }
        return
        [
            Set("successfulFleetRequestSet", done, d =>
                [V("currentSpotFleetRequestState", d.Current), V("previousSpotFleetRequestState", d.Previous), V("spotFleetRequestId", d.Id)]),
            Set("unsuccessfulFleetRequestSet", failed, id =>
                [E("error", V("code", "fleetRequestIdDoesNotExist"), V("message", $"The Spot Fleet request ID '{id}' does not exist")), V("spotFleetRequestId", id)]),
        ];
    }
}
