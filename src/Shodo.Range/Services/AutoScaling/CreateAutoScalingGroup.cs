using System.Text.Json.Nodes;
using Shodo.Range.Serving;
using Shodo.Range.Services.Rds;
using Shodo.Range.State.AutoScaling;

namespace Shodo.Range.Services.AutoScaling;

/// <summary>
/// CreateAutoScalingGroup from a launch template (by id or name) in the named zones (or the subnets of
/// VPCZoneIdentifier): launches DesiredCapacity (default MinSize) instances at once, tagged
/// <c>aws:autoscaling:groupName</c>. Launch configurations are not served (ValidationError, as for a missing one).
/// </summary>
public sealed class CreateAutoScalingGroup : QueryAction
{
    public override string Name => "CreateAutoScalingGroup";

    public override AwsResponse Handle(AwsCall call)
    {
        var r = call.Request;
        var name = r.RequiredParam("AutoScalingGroupName");
        var min = QueryParameters.Int(r, "MinSize") ?? throw AwsError.MissingParameter("MinSize");
        var max = QueryParameters.Int(r, "MaxSize") ?? throw AwsError.MissingParameter("MaxSize");
        var desired = QueryParameters.Int(r, "DesiredCapacity") ?? min;
        var templateId = r.Param("LaunchTemplate.LaunchTemplateId");
        var templateName = r.Param("LaunchTemplate.LaunchTemplateName");
        call.RequestParameters = new JsonObject
        {
            ["autoScalingGroupName"] = name, ["minSize"] = min, ["maxSize"] = max, ["desiredCapacity"] = desired,
            ["launchTemplate"] = new JsonObject { ["launchTemplateId"] = templateId, ["launchTemplateName"] = templateName },
        };

        if (r.Param("LaunchConfigurationName") is { } configuration)
            throw AutoScalingErrors.Validation($"Launch configuration name not found - Launch configuration {configuration} not found");
        if (templateId is null && templateName is null)
            throw AutoScalingErrors.Validation("Valid requests must contain either LaunchTemplate, LaunchConfigurationName, InstanceId or MixedInstancesPolicy parameter.");
        if (min > max) throw AutoScalingErrors.Validation($"Max bound, {max}, must be greater than or equal to min bound, {min}");
        if (desired < min || desired > max)
            throw AutoScalingErrors.Validation($"Desired capacity:{desired} must be between the specified min size:{min} and max size:{max}");

        var groups = call.State.AutoScaling(call.Region);
        var ec2 = call.State.Ec2(call.Region);
        if (groups.Find(name) is not null)
            throw new AwsError("AlreadyExists", $"AutoScalingGroup by this name already exists - A group with the name {name} already exists");
        var template = ec2.LaunchTemplates.FirstOrDefault(t => templateId is not null ? t.LaunchTemplateId == templateId : t.LaunchTemplateName == templateName)
            ?? throw AutoScalingErrors.Validation(templateId is not null
                ? $"You must use a valid fully-formed launch template. The specified launch template, with template ID {templateId}, does not exist."
                : $"You must use a valid fully-formed launch template. The specified launch template, with template name {templateName}, does not exist.");

        var zones = QueryParameters.List(r, "AvailabilityZones", "member");
        if (r.Param("VPCZoneIdentifier") is { Length: > 0 } subnets)
            foreach (var subnet in subnets.Split(','))
                zones.Add(ec2.Vpc.Subnets.FirstOrDefault(s => s.SubnetId == subnet.Trim())?.AvailabilityZone
                    ?? throw AutoScalingErrors.Validation($"The subnet ID '{subnet.Trim()}' does not exist"));
        if (zones.Count == 0) throw AutoScalingErrors.Validation("At least one Availability Zone or VPC Subnet is required.");
        if (zones.FirstOrDefault(z => !ec2.AvailabilityZones.Contains(z)) is { } badZone)
            throw AutoScalingErrors.Validation($"The availability zone {badZone} is not legal");

        var tags = new List<AutoScalingTag>();
        for (var i = 1; r.Param($"Tags.member.{i}.Key") is { } key; i++)
            tags.Add(new AutoScalingTag(key, r.Param($"Tags.member.{i}.Value") ?? "",
                QueryParameters.Bool(r, $"Tags.member.{i}.PropagateAtLaunch") ?? false));

        var group = new AutoScalingGroup
        {
            Name = name, Arn = AutoScalingLookup.Arn(r, name),
            LaunchTemplateId = template.LaunchTemplateId, LaunchTemplateName = template.LaunchTemplateName,
            LaunchTemplateVersion = r.Param("LaunchTemplate.Version") ?? "$Default",
            MinSize = min, MaxSize = max, DesiredCapacity = desired,
            AvailabilityZones = zones.Distinct().ToList(),
            HealthCheckType = r.Param("HealthCheckType") ?? "EC2",
            HealthCheckGracePeriod = QueryParameters.Int(r, "HealthCheckGracePeriod") ?? 0,
            CreatedTime = call.Now, CreatedBy = call.Caller.Arn, Tags = tags,
        };
        call.State.CreateAutoScalingGroup(call.Region, group);
        return new XmlResult();
    }
}
