using System.Xml.Linq;
using Shodo.Range.Serving;
using Shodo.Range.State.Ec2;
using static Shodo.Range.Services.Ec2.RunInstancesActions;

namespace Shodo.Range.Services.Ec2;

/// <summary>RunInstances: one of <see cref="RunInstancesActions"/>.</summary>
internal sealed class RunInstances : Ec2Action
{
    public override string Name => "RunInstances";

    public override IEnumerable<XElement?> Handle(Ec2Context c)
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
