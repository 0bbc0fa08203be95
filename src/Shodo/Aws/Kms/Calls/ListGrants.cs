using System.Text.Json;
using System.Text.Json.Nodes;
using Shodo.Aws.Protocols;

namespace Shodo.Aws.Kms.Calls;

/// <summary>kms:ListGrants — the key's grants, or the one <paramref name="GrantId"/> names (the raw entries: the evidence and the before-state of a grant).</summary>
public sealed record ListGrants(string KeyId, string? GrantId = null) : KmsPagedCall<JsonElement>
{
    public override AwsOperation Operation => KmsOperations.ListGrants;

    public override void Write(JsonObject body)
    {
        body["KeyId"] = KeyId;
        if (GrantId is not null) body["GrantId"] = GrantId;
    }

    public override IReadOnlyList<JsonElement> Read(JsonElement r) => r.Items("Grants").Select(g => g.Clone()).ToList();
}
