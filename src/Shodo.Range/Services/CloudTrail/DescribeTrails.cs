using System.Text.Json.Nodes;
using Shodo.Range.Serving;

namespace Shodo.Range.Services.CloudTrail;

/// <summary>
/// DescribeTrails: the region's trails and, unless includeShadowTrails is false, multi-region trails from elsewhere and, in a
/// member account, the organisation's trails (shadow trails, named in trailNameList only by their ARN).
/// </summary>
internal sealed class DescribeTrails : CloudTrailAction
{
    public override string Name => "DescribeTrails";

    public override JsonObject Handle(AwsCall call, JsonObject input)
    {
        var shadows = CloudTrailJson.Bool(input, "includeShadowTrails") ?? true;
        var names = (input["trailNameList"] as JsonArray)?.Select(n => n?.GetValue<string>()).OfType<string>().ToList();
        var trails = call.State.Trails.Values
            .Where(t => t.HomeRegion == call.Region || (shadows && t.IsMultiRegion))
            .Where(t => names is null || names.Count == 0 || names.Contains(t.Name) || names.Contains(t.Arn))
            .OrderBy(t => t.Name, StringComparer.Ordinal)
            .Concat((shadows ? call.State.OrganizationShadowTrails() : [])
                .Where(t => t.HomeRegion == call.Region || t.IsMultiRegion)
                .Where(t => names is null || names.Count == 0 || names.Contains(t.Arn))
                .OrderBy(t => t.Name, StringComparer.Ordinal));
        return new JsonObject
        {
            ["trailList"] = new JsonArray(trails.Select(t => (JsonNode)TrailJson.Trail(t)).ToArray()),
        };
    }
}
