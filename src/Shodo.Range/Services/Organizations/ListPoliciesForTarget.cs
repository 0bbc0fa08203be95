using System.Text.Json.Nodes;
using Shodo.Range.Serving;
using Shodo.Range.State.Organizations;

namespace Shodo.Range.Services.Organizations;

/// <summary>ListPoliciesForTarget: the policies of one type attached to a root or account.</summary>
internal sealed class ListPoliciesForTarget : OrganizationsAction
{
    public override string Name => "ListPoliciesForTarget";

    protected override JsonObject Handle(AwsCall call, RangeOrganization org, JsonObject input)
    {
        var target = OrganizationsJson.Target(org, OrganizationsJson.Required(input, "TargetId"));
        var type = OrganizationsJson.Filter(input);
        return OrganizationsJson.Page(input, "Policies", org.Attachments.GetValueOrDefault(target.Id, [])
            .Select(id => org.Policies[id]).Where(p => p.PolicyType == type)
            .Select(p => (JsonNode)OrganizationsJson.Summary(p)).ToList());
    }
}
