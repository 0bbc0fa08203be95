using System.Text.Json;
using System.Text.Json.Nodes;
using Shodo.Aws.Protocols;

namespace Shodo.Aws.Kms.Calls;

/// <summary>kms:DescribeKey — the key's ARN, manager (CUSTOMER or AWS) and state.</summary>
public sealed record DescribeKey(string KeyId) : JsonCall<JsonElement>
{
    public override AwsOperation Operation => KmsOperations.DescribeKey;
    public override void Write(JsonObject body) => body["KeyId"] = KeyId;
    public override JsonElement Read(JsonElement r) => r.GetProperty("KeyMetadata").Clone();
}
