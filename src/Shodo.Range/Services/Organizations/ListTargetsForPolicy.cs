using System.Text.Json.Nodes;
using Shodo.Range.Serving;
using Shodo.Range.State.Organizations;

namespace Shodo.Range.Services.Organizations;

/// <summary>ListTargetsForPolicy: the roots and accounts a policy is attached to.</summary>
internal sealed class ListTargetsForPolicy : OrganizationsAction
{
    public override string Name => "ListTargetsForPolicy";

    protected override JsonObject Handle(AwsCall call, RangeOrganization org, JsonObject input)
    {
        var policy = OrganizationsJson.PolicyNamed(org, OrganizationsJson.Required(input, "PolicyId"));
        return OrganizationsJson.Page(input, "Targets", org.Attachments.Where(a => a.Value.Contains(policy.Id))
            .Select(a => OrganizationsJson.Target(org, a.Key))
            .Select(t => (JsonNode)new JsonObject { ["TargetId"] = t.Id, ["Arn"] = t.Arn, ["Name"] = t.Name, ["Type"] = t.Type })
            .ToList());
    }
}
