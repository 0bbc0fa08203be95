using System.Text.Json.Nodes;
using Shodo.Range.Serving;
using Shodo.Range.State.Ram;
using static Shodo.Range.Services.Ram.RamJson;

namespace Shodo.Range.Services.Ram;

/// <summary>
/// ListResources: SELF lists the resources the account shares in the region (one row per share holding it), filtered by
/// principal, type, resource and share ARNs; the range's accounts receive no shares, so OTHER-ACCOUNTS lists none.
/// </summary>
internal sealed class ListResources : JsonAction
{
    public override string Name => "ListResources";

    public override JsonObject Handle(AwsCall call, JsonObject input)
    {
        var owner = RequiredEnum(input, "resourceOwner", "SELF", "OTHER-ACCOUNTS");
        var principal = String(input, "principal");
        var type = String(input, "resourceType");
        var resources = Strings(input, "resourceArns");
        var arns = Strings(input, "resourceShareArns");
        foreach (var arn in arns) Share(call, arn);
        var shares = owner == "SELF" ? call.State.ResourceShares(call.Region) : [];
        var rows = shares
            .Where(s => arns.Count == 0 || arns.Contains(s.Arn))
            .Where(s => principal is null || s.OfType(ShareAssociation.Principal).Any(a => a.Entity == principal))
            .SelectMany(s => s.OfType(ShareAssociation.Resource).Select(a => (Share: s, Resource: a)))
            .Where(r => type is null || string.Equals(r.Resource.ResourceType, type, StringComparison.OrdinalIgnoreCase))
            .Where(r => resources.Count == 0 || resources.Contains(r.Resource.Entity));
        return Page(input, "resources", rows.Select(r => (JsonNode)new JsonObject
            {
                ["arn"] = r.Resource.Entity,
                ["type"] = r.Resource.ResourceType,
                ["resourceShareArn"] = r.Share.Arn,
                ["status"] = "AVAILABLE",
                ["creationTime"] = Epoch(r.Resource.CreationTime),
                ["lastUpdatedTime"] = Epoch(r.Resource.LastUpdatedTime),
                ["resourceRegionScope"] = "REGIONAL",
            }));
    }
}
