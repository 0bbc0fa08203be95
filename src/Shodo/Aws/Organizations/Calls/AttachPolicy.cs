using System.Text.Json;
using System.Text.Json.Nodes;
using Shodo.Aws.Protocols;

namespace Shodo.Aws.Organizations.Calls;

/// <summary>organizations:AttachPolicy — attach a policy to a root, OU or account.</summary>
public sealed record AttachPolicy(string PolicyId, string TargetId) : JsonCall<NoContent>
{
    public override AwsOperation Operation => OrganizationsOperations.AttachPolicy;

    public override void Write(JsonObject body)
    {
        body["PolicyId"] = PolicyId;
        body["TargetId"] = TargetId;
    }

    public override NoContent Read(JsonElement r) => default;
}
