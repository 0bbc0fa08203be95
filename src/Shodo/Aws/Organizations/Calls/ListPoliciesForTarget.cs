using System.Text.Json;
using System.Text.Json.Nodes;
using Shodo.Aws.Organizations.Model;
using Shodo.Aws.Protocols;

namespace Shodo.Aws.Organizations.Calls;

/// <summary>organizations:ListPoliciesForTarget — the policies of a type attached directly to a root, OU or account.</summary>
public sealed record ListPoliciesForTarget(string TargetId, string Filter = OrganizationPolicy.ServiceControlPolicy) : JsonPagedCall<OrganizationPolicy>
{
    public override AwsOperation Operation => OrganizationsOperations.ListPoliciesForTarget;

    public override void Write(JsonObject body)
    {
        body["TargetId"] = TargetId;
        body["Filter"] = Filter;
    }

    public override IReadOnlyList<OrganizationPolicy> Read(JsonElement r) => r.Items("Policies").Select(p => OrganizationPolicy.From(p)).ToList();
}
