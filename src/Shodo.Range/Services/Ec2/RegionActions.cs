using System.Xml.Linq;
using Shodo.Range.Serving;
using Shodo.Range.State;
using static Shodo.Range.Services.Ec2.Ec2Xml;

namespace Shodo.Range.Services.Ec2;

/// <summary>DescribeRegions (enabled regions, or all with their opt-in status) and DescribeAvailabilityZones.</summary>
internal static class RegionActions
{
    internal static IEnumerable<XElement> DescribeRegions(Ec2Context c)
    {
        var regions = c.Params.Bool("AllRegions") == true ? c.State.Regions.All : c.State.Regions.Enabled;
        var names = c.Params.List("RegionName");
        foreach (var name in names.Where(n => c.State.Regions.Find(n) is null))
            throw new AwsError("InvalidParameterValue", $"Invalid region: {name}");
        var selected = regions.Where(r => names.Count == 0 || names.Contains(r.Name));
        selected = Ec2Filter.Apply(selected, c.Params.Filters(), (r, f) => f switch
        {
            "region-name" => [r.Name],
            "endpoint" => [r.Endpoint],
            "opt-in-status" => [r.OptInStatus],
            _ => null,
        }, r => r.Name, c.Region.Tags);
        yield return Set("regionInfo", selected, (AwsRegion r) =>
            [V("regionName", r.Name), V("regionEndpoint", r.Endpoint), V("optInStatus", r.OptInStatus)]);
    }

    /// <summary>Zone id prefix as AWS forms it: us-east-1 → use1, ap-northeast-1 → apne1.</summary>
    internal static string Abbreviation(string region)
    {
        var parts = region.Split('-');
        var direction = parts[1] switch
        {
            "northeast" => "ne", "southeast" => "se", "northwest" => "nw", "southwest" => "sw",
            var d => d[..1],
        };
        return parts[0] + direction + parts[2];
    }
}
