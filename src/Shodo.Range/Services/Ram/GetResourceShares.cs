using System.Text.Json.Nodes;
using Shodo.Range.Serving;
using static Shodo.Range.Services.Ram.RamJson;

namespace Shodo.Range.Services.Ram;

/// <summary>
/// GetResourceShares: SELF lists the shares the account owns in the region (filtered by ARNs, status, name); the range's
/// accounts receive no shares, so OTHER-ACCOUNTS lists none.
/// </summary>
internal sealed class GetResourceShares : JsonAction
{
    public override string Name => "GetResourceShares";

    public override JsonObject Handle(AwsCall call, JsonObject input)
    {
        var owner = RequiredEnum(input, "resourceOwner", "SELF", "OTHER-ACCOUNTS");
        var arns = Strings(input, "resourceShareArns");
        foreach (var arn in arns) Share(call, arn);
        var status = String(input, "resourceShareStatus");
        var name = String(input, "name");
        var shares = owner == "SELF" ? call.State.ResourceShares(call.Region) : [];
        return Page(input, "resourceShares", shares
            .Where(s => arns.Count == 0 || arns.Contains(s.Arn))
            .Where(s => status is null || s.Status == status)
            .Where(s => name is null || s.Name == name)
            .Select(s => (JsonNode)Render(s)));
    }
}
