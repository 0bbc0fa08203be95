using System.Xml.Linq;
using Shodo.Range.Serving;
using Shodo.Range.State.Ec2;
using static Shodo.Range.Services.Ec2.Ec2Xml;

namespace Shodo.Range.Services.Ec2;

/// <summary>
/// RequestSpotInstances, DescribeSpotInstanceRequests, CancelSpotInstanceRequests. A request is
/// open when made and fulfilled when the region next settles; cancelling leaves instances running.
/// </summary>
internal static class SpotActions
{
    public static void ValidateType(string type, string interruption)
    {
        if (type is not (SpotRequest.OneTime or SpotRequest.Persistent))
            throw AwsError.InvalidParameterValue($"Value ({type}) for parameter type is invalid.");
        if (interruption is not ("terminate" or "stop" or "hibernate"))
            throw AwsError.InvalidParameterValue($"Value ({interruption}) for parameter instanceInterruptionBehavior is invalid.");
        if (type == SpotRequest.OneTime && interruption != "terminate")
            throw Ec2Errors.InvalidParameterCombination(
                $"The request with type 'one-time' is not supported when instanceInterruptionBehavior is set to '{interruption}'.");
    }

    internal static object?[] Item(Ec2Region region, SpotRequest r) =>
    [
        V("spotInstanceRequestId", r.SpotInstanceRequestId),
        V("spotPrice", r.SpotPrice ?? OnDemandPrice(r.Launch.InstanceType)),
        V("type", r.Type), V("state", r.State),
        E("status", V("code", r.StatusCode), V("updateTime", r.StatusUpdateTime), V("message", r.StatusMessage)),
        E("launchSpecification",
            V("imageId", r.Launch.ImageId), V("keyName", r.Launch.KeyName),
            Set("groupSet", r.Launch.SecurityGroupIds.Count > 0 ? r.Launch.SecurityGroupIds : [region.DefaultSecurityGroup.GroupId],
                g => [V("groupId", g), V("groupName", region.FindSecurityGroup(g)?.GroupName)]),
            V("instanceType", r.Launch.InstanceType),
            E("placement", V("availabilityZone", r.Launch.AvailabilityZone), V("tenancy", "default"))),
        V("instanceId", r.InstanceId), V("createTime", r.CreateTime), V("productDescription", "Linux/UNIX"),
        TagSet(region.Tags.Of(r.SpotInstanceRequestId)),
        V("launchedAvailabilityZone", r.LaunchedAvailabilityZone),
        V("instanceInterruptionBehavior", r.InstanceInterruptionBehavior),
    ];

    /// <summary>With no SpotPrice, the maximum price is the On-Demand price; a plausible figure per size.</summary>
    internal static string OnDemandPrice(string instanceType) => instanceType.Split('.').Last() switch
    {
        "nano" => "0.005200", "micro" => "0.010400", "small" => "0.020800", "medium" => "0.041600",
        "large" => "0.096000", "xlarge" => "0.192000", "2xlarge" => "0.384000", "4xlarge" => "0.768000",
        "8xlarge" => "1.536000", "12xlarge" => "2.448000", "16xlarge" => "3.264000", "24xlarge" => "4.896000",
        _ => "0.500000",
    };
}
