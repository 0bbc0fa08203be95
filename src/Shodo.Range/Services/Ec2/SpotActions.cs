using System.Xml.Linq;
using Shodo.Range.Serving;
using Shodo.Range.State.Ec2;
using static Shodo.Range.Services.Ec2.Ec2Xml;

namespace Shodo.Range.Services.Ec2;

/// <summary>
/// RequestSpotInstances, DescribeSpotInstanceRequests, CancelSpotInstanceRequests. A request is
/// open when made and fulfilled when the region next settles; cancelling leaves instances running.
/// </summary>
public sealed class SpotActions : IEc2Actions
{
    public IEnumerable<Ec2Action> Actions =>
    [
        new("RequestSpotInstances", false, RequestSpotInstances),
        new("DescribeSpotInstanceRequests", true, DescribeSpotInstanceRequests),
        new("CancelSpotInstanceRequests", false, CancelSpotInstanceRequests),
    ];

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

    private static IEnumerable<XElement> RequestSpotInstances(Ec2Context c)
    {
        var p = c.Params;
        const string prefix = "LaunchSpecification.";
        var type = p.Get("Type") ?? SpotRequest.OneTime;
        var interruption = p.Get("InstanceInterruptionBehavior") ?? "terminate";
        ValidateType(type, interruption);
        var count = p.Int("InstanceCount") ?? 1;
        if (count < 1) throw AwsError.InvalidParameterValue($"Value ({count}) for parameter instanceCount is invalid.");
        p.RejectUnknownTagSpecifications(["spot-instances-request"]);
        var spec = LaunchSpecs.From(c, prefix, p.Get(prefix + "ImageId") ?? throw AwsError.MissingParameter(prefix + "ImageId"),
            p.Get(prefix + "InstanceType"), p.Get(prefix + "KeyName"));
        var requests = Enumerable.Range(0, count)
            .Select(_ => c.Region.RequestSpot(spec, type, p.Get("SpotPrice"), interruption, c.Now))
            .ToList();
        foreach (var r in requests) c.Region.Tags.Set(r.SpotInstanceRequestId, p.TagsFor("spot-instances-request"));
        return [Set("spotInstanceRequestSet", requests, r => Item(c.Region, r))];
    }

    private static IEnumerable<XElement?> DescribeSpotInstanceRequests(Ec2Context c)
    {
        var ids = c.Params.List("SpotInstanceRequestId");
        foreach (var id in ids.Where(id => c.Region.FindSpotRequest(id) is null))
            throw Ec2Errors.SpotRequestNotFound(id);
        var requests = ids.Count > 0 ? ids.Select(id => c.Region.FindSpotRequest(id)!) : c.Region.SpotRequests;
        var filtered = Ec2Filter.Apply(requests, c.Params.Filters(), (r, f) => f switch
        {
            "spot-instance-request-id" => [r.SpotInstanceRequestId],
            "state" => [r.State],
            "status-code" => [r.StatusCode],
            "type" => [r.Type],
            "instance-id" => [r.InstanceId],
            "launched-availability-zone" => [r.LaunchedAvailabilityZone],
            "launch.instance-type" => [r.Launch.InstanceType],
            "launch.image-id" => [r.Launch.ImageId],
            "launch.key-name" => [r.Launch.KeyName],
            "spot-price" => [r.SpotPrice],
            _ => null,
        }, r => r.SpotInstanceRequestId, c.Region.Tags).ToList();
        var (page, next) = Ec2Paging.Page(filtered, c.Params.Int("MaxResults"), c.Params.Get("NextToken"));
        yield return Set("spotInstanceRequestSet", page, r => Item(c.Region, r));
        yield return V("nextToken", next);
    }

    private static IEnumerable<XElement> CancelSpotInstanceRequests(Ec2Context c)
    {
        var ids = c.Params.List("SpotInstanceRequestId");
        if (ids.Count == 0) throw AwsError.MissingParameter("SpotInstanceRequestId");
        foreach (var id in ids.Where(id => c.Region.FindSpotRequest(id) is null))
            throw Ec2Errors.SpotRequestNotFound(id);
        var requests = ids.Select(id => c.Region.FindSpotRequest(id)!).ToList();
        foreach (var r in requests) c.Region.Cancel(r, c.Now);
        return [Set("spotInstanceRequestSet", requests, r => [V("spotInstanceRequestId", r.SpotInstanceRequestId), V("state", r.State)])];
    }

    private static object?[] Item(Ec2Region region, SpotRequest r) =>
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
    private static string OnDemandPrice(string instanceType) => instanceType.Split('.').Last() switch
    {
        "nano" => "0.005200", "micro" => "0.010400", "small" => "0.020800", "medium" => "0.041600",
        "large" => "0.096000", "xlarge" => "0.192000", "2xlarge" => "0.384000", "4xlarge" => "0.768000",
        "8xlarge" => "1.536000", "12xlarge" => "2.448000", "16xlarge" => "3.264000", "24xlarge" => "4.896000",
        _ => "0.500000",
    };
}
