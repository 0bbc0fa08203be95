using System.Text.Json;
using System.Text.Json.Nodes;
using Shodo.Aws.Organizations.Model;
using Shodo.Aws.Protocols;

namespace Shodo.Aws.Organizations.Calls;

/// <summary>organizations:ListPolicies — every policy of a type in the organisation.</summary>
public sealed record ListPolicies(string Filter = OrganizationPolicy.ServiceControlPolicy) : JsonPagedCall<OrganizationPolicy>
{
    public override AwsOperation Operation => OrganizationsOperations.ListPolicies;
    public override void Write(JsonObject body) => body["Filter"] = Filter;
    public override IReadOnlyList<OrganizationPolicy> Read(JsonElement r) => r.Items("Policies").Select(p => OrganizationPolicy.From(p)).ToList();
}
