using System.Text.Json.Nodes;
using Shodo.Range.Serving;
using Shodo.Range.State.Organizations;

namespace Shodo.Range.Services.Organizations;

/// <summary>ListPolicies: the policies of one type, AWS-managed first (the management account).</summary>
internal sealed class ListPolicies : OrganizationsAction
{
    public override string Name => "ListPolicies";

    protected override JsonObject Handle(AwsCall call, RangeOrganization org, JsonObject input)
    {
        var type = OrganizationsJson.Filter(input);
        return OrganizationsJson.Page(input, "Policies", org.Policies.Values.Where(p => p.PolicyType == type)
            .OrderBy(p => p.AwsManaged ? 0 : 1).ThenBy(p => p.Name, StringComparer.Ordinal)
            .Select(p => (JsonNode)OrganizationsJson.Summary(p)).ToList());
    }
}
