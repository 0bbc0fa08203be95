using System.Xml.Linq;
using Shodo.Range.Serving;
using Shodo.Range.State.Ec2;
using static Shodo.Range.Services.Ec2.Ec2Xml;
using static Shodo.Range.Services.Ec2.SpotActions;

namespace Shodo.Range.Services.Ec2;

/// <summary>RequestSpotInstances: one of <see cref="SpotActions"/>.</summary>
internal sealed class RequestSpotInstances : Ec2Action
{
    public override string Name => "RequestSpotInstances";

    public override IEnumerable<XElement?> Handle(Ec2Context c)
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
}
