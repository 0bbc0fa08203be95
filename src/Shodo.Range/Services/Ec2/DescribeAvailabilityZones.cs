using System.Xml.Linq;
using Shodo.Range.Serving;
using Shodo.Range.State;
using static Shodo.Range.Services.Ec2.Ec2Xml;
using static Shodo.Range.Services.Ec2.RegionActions;

namespace Shodo.Range.Services.Ec2;

/// <summary>DescribeAvailabilityZones: one of <see cref="RegionActions"/>.</summary>
internal sealed class DescribeAvailabilityZones : Ec2Action
{
    public override string Name => "DescribeAvailabilityZones";

    public override IEnumerable<XElement?> Handle(Ec2Context c)
    {
        var names = c.Params.List("ZoneName");
        var zones = c.Region.AvailabilityZones.Where(z => names.Count == 0 || names.Contains(z)).ToList();
        var region = c.State.Regions.Find(c.Call.Region)!;
        yield return Set("availabilityZoneInfo", zones.Select((z, i) => (z, i)), x =>
        [
            V("zoneState", "available"), V("optInStatus", region.OptInStatus), E("messageSet"),
            V("regionName", c.Call.Region), V("zoneName", x.z),
            V("zoneId", $"{Abbreviation(c.Call.Region)}-az{x.i + 1}"), V("groupName", c.Call.Region),
            V("networkBorderGroup", c.Call.Region), V("zoneType", "availability-zone"),
        ]);
    }
}
