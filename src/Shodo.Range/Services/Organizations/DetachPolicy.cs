using System.Text.Json.Nodes;
using Shodo.Range.Serving;
using Shodo.Range.State.Organizations;

namespace Shodo.Range.Services.Organizations;

/// <summary>DetachPolicy: an SCP detached; refused when not attached or when it is the target's last SCP (AWS requires one at every level).</summary>
internal sealed class DetachPolicy : OrganizationsAction
{
    public override string Name => "DetachPolicy";

    protected override JsonObject Handle(AwsCall call, RangeOrganization org, JsonObject input)
    {
        var policy = OrganizationsJson.PolicyNamed(org, OrganizationsJson.Required(input, "PolicyId"));
        var target = OrganizationsJson.Target(org, OrganizationsJson.Required(input, "TargetId"));
        var attached = ScpRules.Attached(org, target.Id);
        if (!attached.Contains(policy.Id))
            throw new AwsError("PolicyNotAttachedException", "The policy isn't attached to the specified target in the specified root.", 400);
        if (policy.PolicyType == ServiceControlPolicy.Type && attached.Count(id => org.Policies[id].PolicyType == policy.PolicyType) == 1)
            throw new AwsError("ConstraintViolationException",
                "You attempted to detach a policy that would leave the target with no service control policy attached.", 400)
                { Reason = "MIN_POLICY_TYPE_ATTACHMENT_LIMIT_EXCEEDED" };
        attached.Remove(policy.Id);
        return [];
    }
}
