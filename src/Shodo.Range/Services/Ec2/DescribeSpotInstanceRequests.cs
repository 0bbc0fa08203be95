using System.Xml.Linq;
using Shodo.Range.Serving;
using Shodo.Range.State.Ec2;
using static Shodo.Range.Services.Ec2.Ec2Xml;
using static Shodo.Range.Services.Ec2.SpotActions;

namespace Shodo.Range.Services.Ec2;

/// <summary>DescribeSpotInstanceRequests: one of <see cref="SpotActions"/>.</summary>
internal sealed class DescribeSpotInstanceRequests : Ec2Action
{
    public override string Name => "DescribeSpotInstanceRequests";

    public override IEnumerable<XElement?> Handle(Ec2Context c)
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
}
