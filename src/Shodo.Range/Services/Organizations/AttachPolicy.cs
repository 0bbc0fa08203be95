using System.Text.Json.Nodes;
using Shodo.Range.Serving;
using Shodo.Range.State.Organizations;

namespace Shodo.Range.Services.Organizations;

/// <summary>AttachPolicy: an SCP attached to a root or account; refused when attached already or when the target has five.</summary>
internal sealed class AttachPolicy : OrganizationsAction
{
    public override string Name => "AttachPolicy";

    protected override JsonObject Handle(AwsCall call, RangeOrganization org, JsonObject input)
    {
        var policy = OrganizationsJson.PolicyNamed(org, OrganizationsJson.Required(input, "PolicyId"));
        var target = OrganizationsJson.Target(org, OrganizationsJson.Required(input, "TargetId"));
        if (policy.PolicyType != ServiceControlPolicy.Type)
            throw new AwsError("PolicyTypeNotEnabledException", "This operation can be performed only for enabled policy types.", 400);
        var attached = ScpRules.Attached(org, target.Id);
        if (attached.Contains(policy.Id))
            throw new AwsError("DuplicatePolicyAttachmentException", "The selected policy is already attached to the specified target.", 400);
        if (attached.Count(id => org.Policies[id].PolicyType == policy.PolicyType) >= ScpRules.MaxScpsPerTarget)
            throw new AwsError("ConstraintViolationException", "You attempted to attach more policies of this type to the target than are allowed.", 400)
                { Reason = "POLICY_NUMBER_LIMIT_EXCEEDED" };
        attached.Add(policy.Id);
        return [];
    }
}
