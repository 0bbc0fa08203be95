using System.Xml.Linq;
using Shodo.Range.Serving;
using Shodo.Range.State.Ec2;
using static Shodo.Range.Services.Ec2.Ec2Xml;
using static Shodo.Range.Services.Ec2.SpotActions;

namespace Shodo.Range.Services.Ec2;

/// <summary>CancelSpotInstanceRequests: one of <see cref="SpotActions"/>.</summary>
internal sealed class CancelSpotInstanceRequests : Ec2Action
{
    public override string Name => "CancelSpotInstanceRequests";

    public override IEnumerable<XElement?> Handle(Ec2Context c)
    {
        var ids = c.Params.List("SpotInstanceRequestId");
        if (ids.Count == 0) throw AwsError.MissingParameter("SpotInstanceRequestId");
        foreach (var id in ids.Where(id => c.Region.FindSpotRequest(id) is null))
            throw Ec2Errors.SpotRequestNotFound(id);
        var requests = ids.Select(id => c.Region.FindSpotRequest(id)!).ToList();
        foreach (var r in requests) c.Region.Cancel(r, c.Now);
        return [Set("spotInstanceRequestSet", requests, r => [V("spotInstanceRequestId", r.SpotInstanceRequestId), V("state", r.State)])];
    }
}
