using System.Text.Json;
using System.Text.Json.Nodes;
using Shodo.Aws.Protocols;

namespace Shodo.Aws.Kms.Calls;

/// <summary>kms:ListGrants — the key's grants (the raw entries: the evidence and the before-state of a grant).</summary>
public sealed record ListGrants(string KeyId) : KmsPagedCall<JsonElement>
{
    public override AwsOperation Operation => KmsOperations.ListGrants;
    public override void Write(JsonObject body) => body["KeyId"] = KeyId;
    public override IReadOnlyList<JsonElement> Read(JsonElement r) => r.Items("Grants").Select(g => g.Clone()).ToList();
}
