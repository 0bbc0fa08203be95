using System.Text.Json;
using System.Text.Json.Nodes;
using Shodo.Aws.Protocols;

namespace Shodo.Aws.Kms.Calls;

/// <summary>kms:GetKeyPolicy — the key's policy document ("default", the only name a key policy has).</summary>
public sealed record GetKeyPolicy(string KeyId) : JsonCall<string?>
{
    public override AwsOperation Operation => KmsOperations.GetKeyPolicy;
    public override void Write(JsonObject body) { body["KeyId"] = KeyId; body["PolicyName"] = "default"; }
    public override string? Read(JsonElement r) => r.Text("Policy");
}
