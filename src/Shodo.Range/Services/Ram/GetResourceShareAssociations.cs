using System.Text.Json.Nodes;
using Shodo.Range.Serving;
using static Shodo.Range.Services.Ram.RamJson;

namespace Shodo.Range.Services.Ram;

/// <summary>
/// GetResourceShareAssociations: the PRINCIPAL or RESOURCE associations of the account's shares in the region, filtered
/// by share ARNs, <c>principal</c> (PRINCIPAL only), <c>resourceArn</c> (RESOURCE only) and status; a filter of the
/// other type is refused with InvalidParameterException, as AWS does.
/// </summary>
internal sealed class GetResourceShareAssociations : JsonAction
{
    public override string Name => "GetResourceShareAssociations";

    public override JsonObject Handle(AwsCall call, JsonObject input)
    {
        var type = RequiredEnum(input, "associationType", "PRINCIPAL", "RESOURCE");
        var principal = String(input, "principal");
        var resource = String(input, "resourceArn");
        if (principal is not null && type != "PRINCIPAL")
            throw InvalidParameter("principal can be specified only when associationType is PRINCIPAL.");
        if (resource is not null && type != "RESOURCE")
            throw InvalidParameter("resourceArn can be specified only when associationType is RESOURCE.");
        var arns = Strings(input, "resourceShareArns");
        foreach (var arn in arns) Share(call, arn);
        var status = String(input, "associationStatus");
        var rows = call.State.ResourceShares(call.Region)
            .Where(s => arns.Count == 0 || arns.Contains(s.Arn))
            .SelectMany(s => s.OfType(type).Select(a => (Share: s, Association: a)))
            .Where(r => principal is null || r.Association.Entity == principal)
            .Where(r => resource is null || r.Association.Entity == resource)
            .Where(r => status is null || r.Association.Status == status);
        return Page(input, "resourceShareAssociations", rows.Select(r => (JsonNode)Render(r.Share, r.Association)));
    }
}
