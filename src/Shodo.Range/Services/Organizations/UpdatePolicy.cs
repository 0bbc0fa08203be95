using System.Text.Json.Nodes;
using Shodo.Range.Services.CloudTrail;
using Shodo.Range.Serving;
using Shodo.Range.State.Organizations;

namespace Shodo.Range.Services.Organizations;

/// <summary>UpdatePolicy: a new name, description or content (an SCP's checked as on creation); attachments stay; an AWS-managed policy is refused.</summary>
internal sealed class UpdatePolicy : OrganizationsAction
{
    public override string Name => "UpdatePolicy";

    protected override JsonObject Handle(AwsCall call, RangeOrganization org, JsonObject input)
    {
        var policy = OrganizationsJson.PolicyNamed(org, OrganizationsJson.Required(input, "PolicyId"));
        if (policy.AwsManaged) throw new AwsError("AccessDeniedException", "You don't have permissions to access this resource.", 400);
        var name = CloudTrailJson.String(input, "Name");
        var description = CloudTrailJson.String(input, "Description");
        var content = CloudTrailJson.String(input, "Content");
        if (content is not null && policy.PolicyType == ServiceControlPolicy.Type) ScpRules.CheckScp(content);
        if (name is not null && name != policy.Name && org.Policies.Values.Any(p => p.PolicyType == policy.PolicyType && p.Name == name))
            throw new AwsError("DuplicatePolicyException", "A policy with the same name already exists.", 400);
        if (name is not null) policy.Name = name;
        if (description is not null) policy.Description = description;
        if (content is not null) policy.Content = content;
        return OrganizationsJson.Policy(policy);
    }
}
