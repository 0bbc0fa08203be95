using System.Text.Json;
using System.Text.Json.Nodes;
using Shodo.Aws.CloudTrail.Model;
using Shodo.Aws.Protocols;

namespace Shodo.Aws.CloudTrail.Calls;

/// <summary>cloudtrail:DescribeTrails — the trails of this region, including shadow trails of multi-region and organization trails.</summary>
public sealed record DescribeTrails(IReadOnlyList<string>? TrailNames = null, bool IncludeShadowTrails = true) : JsonCall<IReadOnlyList<Model.Trail>>
{
    public override AwsOperation Operation => CloudTrailOperations.DescribeTrails;

    public override void Write(JsonObject body)
    {
        if (TrailNames is not null) body["trailNameList"] = new JsonArray(TrailNames.Select(n => (JsonNode)n!).ToArray());
        body["includeShadowTrails"] = IncludeShadowTrails;
    }

    public override IReadOnlyList<Model.Trail> Read(JsonElement r) => r.Items("trailList").Select(Model.Trail.From).ToList();
}
