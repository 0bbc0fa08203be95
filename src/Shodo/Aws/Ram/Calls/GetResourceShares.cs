using System.Text.Json;
using System.Text.Json.Nodes;
using Shodo.Aws.Protocols;

namespace Shodo.Aws.Ram.Calls;

/// <summary>ram:GetResourceShares — the shares the account owns (<c>SELF</c>) in the region, as ARNs.</summary>
public sealed record GetResourceShares(string ResourceOwner = "SELF") : JsonPagedCall<string>
{
    public override AwsOperation Operation => RamOperations.GetResourceShares;
    public override string TokenField => "nextToken";

    public override void Write(JsonObject body) => body["resourceOwner"] = ResourceOwner;

    public override IReadOnlyList<string> Read(JsonElement r) =>
        r.Items("resourceShares").Select(s => s.Text("resourceShareArn")).OfType<string>().ToList();
}
