using System.Text.Json;
using System.Text.Json.Nodes;
using Shodo.Aws.Protocols;

namespace Shodo.Aws.Kms.Calls;

/// <summary>
/// kms:PutKeyPolicy — replaces the key's policy ("default"). Never with BypassPolicyLockoutSafetyCheck: KMS refuses a policy
/// that would stop the caller from changing it again, and Shodo lets it.
/// </summary>
public sealed record PutKeyPolicy(string KeyId, string Policy) : JsonCall<bool>
{
    public override AwsOperation Operation => KmsOperations.PutKeyPolicy;

    public override void Write(JsonObject body)
    {
        body["KeyId"] = KeyId;
        body["PolicyName"] = "default";
        body["Policy"] = Policy;
    }

    public override bool Read(JsonElement r) => true;
}
