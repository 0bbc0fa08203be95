using System.Text.Json;
using System.Text.Json.Nodes;
using Shodo.Aws.Organizations.Model;
using Shodo.Aws.Protocols;

namespace Shodo.Aws.Organizations.Calls;

/// <summary>organizations:UpdatePolicy — replace a policy's content (its name, description and attachments stay).</summary>
public sealed record UpdatePolicy(string PolicyId, string Content) : JsonCall<OrganizationPolicy>
{
    public override AwsOperation Operation => OrganizationsOperations.UpdatePolicy;

    public override void Write(JsonObject body)
    {
        body["PolicyId"] = PolicyId;
        body["Content"] = Content;
    }

    public override OrganizationPolicy Read(JsonElement r) => OrganizationPolicy.FromPolicy(r);
}
