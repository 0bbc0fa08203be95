using System.Text.Json;
using System.Text.Json.Nodes;
using Shodo.Aws.Protocols;

namespace Shodo.Aws.Kms.Calls;

/// <summary>kms:RevokeGrant — deletes a grant of the key: the approved destructive step revoke-kms-grant, never an ordinary change.</summary>
public sealed record RevokeGrant(string KeyId, string GrantId) : JsonCall<bool>
{
    public override AwsOperation Operation => KmsOperations.RevokeGrant;

    public override void Write(JsonObject body)
    {
        body["KeyId"] = KeyId;
        body["GrantId"] = GrantId;
    }

    public override bool Read(JsonElement r) => true;
}
