using System.Xml.Linq;
using Shodo.Range.Serving;
using Shodo.Range.State.Ec2;

namespace Shodo.Range.Services.Ec2;

/// <summary>RunInstances: on-demand, or spot through InstanceMarketOptions (a one-time Spot request per instance by default).</summary>
public sealed class RunInstancesActions : IEc2Actions
{
    private static readonly string[] Taggable = ["instance", "volume", "spot-instances-request", "network-interface"];

    public IEnumerable<Ec2Action> Actions => [new("RunInstances", false, RunInstances)];

    /// <summary>
    /// NetworkInterface.N with DeviceIndex 1 and up: one more interface each in the instance's subnet, with its own groups
    /// (NetworkInterface.N.SecurityGroupId.M; the default group when none). Device index 0 is the primary interface.
    /// </summary>
    private static void AttachInterfaces(Ec2Context c, IReadOnlyList<Ec2Instance> instances)
    {
        var extra = c.Params.Members("NetworkInterface")
            .Where(m => c.Params.Int(m + ".DeviceIndex") is > 0)
            .OrderBy(m => c.Params.Int(m + ".DeviceIndex"))
            .Select(m => c.Params.List(m + ".SecurityGroupId")).ToList();
        foreach (var instance in instances)
            foreach (var groups in extra)
                c.Region.AttachInterface(instance, c.AttachableGroups(groups, instance.VpcId), c.Now);
    }

    private static IEnumerable<XElement?> RunInstances(Ec2Context c)
    {
        var p = c.Params;
        var template = LaunchTemplateActions.Referenced(c, "LaunchTemplate");
        var imageId = p.Get("ImageId") ?? template?.ImageId ?? throw AwsError.MissingParameter("ImageId");
        var min = p.Int("MinCount") ?? throw AwsError.MissingParameter("MinCount");
        var max = p.Int("MaxCount") ?? throw AwsError.MissingParameter("MaxCount");
        if (min < 1 || max < min)
            throw AwsError.InvalidParameterValue($"Invalid value '{min}' for minCount. Must be between 1 and maxCount ({max}).");
        p.RejectUnknownTagSpecifications(Taggable);
        var spec = LaunchSpecs.From(c, "", imageId, p.Get("InstanceType") ?? template?.InstanceType,
            p.Get("KeyName") ?? template?.KeyName) with
        {
            DisableApiTermination = p.Bool("DisableApiTermination") ?? false,
            DisableApiStop = p.Bool("DisableApiStop") ?? false,
            InstanceInitiatedShutdownBehavior = p.Get("InstanceInitiatedShutdownBehavior") ?? "stop",
            InstanceTags = p.TagsFor("instance"),
            VolumeTags = p.TagsFor("volume"),
            ClientToken = p.Get("ClientToken"),
        };
        var requester = c.Call.Caller.Arn;
        IReadOnlyList<Ec2Instance> instances;
        if (p.Get("InstanceMarketOptions.MarketType") == "spot")
        {
            var type = p.Get("InstanceMarketOptions.SpotOptions.SpotInstanceType") ?? SpotRequest.OneTime;
            var interruption = p.Get("InstanceMarketOptions.SpotOptions.InstanceInterruptionBehavior") ?? "terminate";
            SpotActions.ValidateType(type, interruption);
            var reservationId = Ec2Ids.New("r");
            var launched = new List<Ec2Instance>();
            for (var n = 0; n < max; n++)
            {
                var request = c.Region.RequestSpot(spec, type, p.Get("InstanceMarketOptions.SpotOptions.MaxPrice"), interruption, c.Now);
                c.Region.Tags.Set(request.SpotInstanceRequestId, p.TagsFor("spot-instances-request"));
                launched.Add(c.Region.LaunchSpot(request, c.Now, requester, reservationId));
            }
            instances = launched;
        }
        else
        {
            instances = c.Region.Launch(spec, max, c.Now, requester);
        }
        AttachInterfaces(c, instances);
        return InstanceXml.ReservationContent(c.Region, c.AccountId, instances.ToList()).Cast<XElement?>();
    }
}
