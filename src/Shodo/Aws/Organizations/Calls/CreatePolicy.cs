using System.Text.Json;
using System.Text.Json.Nodes;
using Shodo.Aws.Organizations.Model;
using Shodo.Aws.Protocols;

namespace Shodo.Aws.Organizations.Calls;

/// <summary>organizations:CreatePolicy — a new service control policy (attached to nothing yet).</summary>
public sealed record CreatePolicy(string Name, string Description, string Content, string Type = OrganizationPolicy.ServiceControlPolicy)
    : JsonCall<OrganizationPolicy>
{
    public override AwsOperation Operation => OrganizationsOperations.CreatePolicy;

    public override void Write(JsonObject body)
    {
        body["Name"] = Name;
        body["Description"] = Description;
        body["Content"] = Content;
        body["Type"] = Type;
    }

    public override OrganizationPolicy Read(JsonElement r) => OrganizationPolicy.FromPolicy(r);
}
