using System.Text.Json;
using System.Text.Json.Nodes;
using Shodo.Aws.Organizations.Model;
using Shodo.Aws.Protocols;

namespace Shodo.Aws.Organizations.Calls;

/// <summary>organizations:DescribePolicy — a policy with its content.</summary>
public sealed record DescribePolicy(string PolicyId) : JsonCall<OrganizationPolicy>
{
    public override AwsOperation Operation => OrganizationsOperations.DescribePolicy;
    public override void Write(JsonObject body) => body["PolicyId"] = PolicyId;
    public override OrganizationPolicy Read(JsonElement r) => OrganizationPolicy.FromPolicy(r);
}
