using System.Text.Json;
using System.Text.Json.Nodes;
using Shodo.Aws.Protocols;

namespace Shodo.Aws.Ram.Calls;

/// <summary>ram:GetResourceShareAssociations — the PRINCIPAL or RESOURCE associations of the region's shares, as the entities named.</summary>
public sealed record GetResourceShareAssociations(string AssociationType) : JsonPagedCall<string>
{
    public override AwsOperation Operation => RamOperations.GetResourceShareAssociations;
    public override string TokenField => "nextToken";

    public override void Write(JsonObject body) => body["associationType"] = AssociationType;

    public override IReadOnlyList<string> Read(JsonElement r) =>
        r.Items("resourceShareAssociations").Select(a => a.Text("associatedEntity")).OfType<string>().ToList();
}
