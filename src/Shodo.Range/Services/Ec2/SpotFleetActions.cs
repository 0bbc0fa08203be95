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
internal static class SpotFleetActions
{
    internal const string Config = "SpotFleetRequestConfig.";

    public static AwsError NotFound(string id) =>
        new("InvalidSpotFleetRequestId.NotFound", $"The Spot Fleet request ID '{id}' does not exist");

    /// <summary>The first launch specification, or the first launch template config's template.</summary>
    internal static LaunchSpec Launch(Ec2Context c)
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

    internal static string? Policy(string? value) => value switch
    {
        null => null,
        SpotFleet.NoTermination or SpotFleet.Default => value,
        _ => throw AwsError.InvalidParameterValue($"Value ({value}) for parameter excessCapacityTerminationPolicy is invalid."),
    };

    internal static SpotFleet Find(Ec2Context c, string id) => c.Region.FindSpotFleet(id) ?? throw NotFound(id);

    internal static IEnumerable<XElement> CancelSpotFleetRequests(Ec2Context c)
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
