using System.Text.Json.Nodes;
using Shodo.Range.Auth.Policies;
using Shodo.Range.Serving;
using Shodo.Range.Services.CloudTrail;
using Shodo.Range.State.Iam;
using Shodo.Range.State.Organizations;

namespace Shodo.Range.Services.Organizations;

/// <summary>
/// CreatePolicy, UpdatePolicy, AttachPolicy and DetachPolicy (the management account), with the refusals AWS answers: a duplicate name,
/// a malformed or oversized SCP (5,120 characters), a policy attached twice or a sixth SCP on a target, a detach that
/// would leave a target with no SCP (AWS requires one at every level), a policy that is not attached.
/// </summary>
internal static class PolicyChanges
{
    public const int MaxScpCharacters = 5120, MaxScpsPerTarget = 5;

    public static readonly OrganizationsOperation CreatePolicy = new("CreatePolicy", ReadOnly: false, (_, org, input) =>
    {
        var name = OrganizationsJson.Required(input, "Name");
        var content = OrganizationsJson.Required(input, "Content");
        var description = CloudTrailJson.String(input, "Description")
                          ?? throw OrganizationsJson.Invalid("INVALID_INPUT", "You must specify a value for Description.");
        var type = OrganizationsJson.Required(input, "Type");
        if (type is not (ServiceControlPolicy.Type or "TAG_POLICY" or "BACKUP_POLICY" or "AISERVICES_OPT_OUT_POLICY"))
            throw new AwsError("ValidationException", $"1 validation error detected: Value '{type}' at 'type' failed to satisfy constraint: Member must satisfy enum value set", 400);
        if (name.Length > 128) throw OrganizationsJson.Invalid("MAX_LENGTH_EXCEEDED", "You provided a name longer than 128 characters.");
        if (description.Length > 512) throw OrganizationsJson.Invalid("MAX_LENGTH_EXCEEDED", "You provided a description longer than 512 characters.");
        if (type == ServiceControlPolicy.Type) CheckScp(content);
        if (org.Policies.Values.Any(p => p.PolicyType == type && p.Name == name))
            throw new AwsError("DuplicatePolicyException", "A policy with the same name already exists.", 400);
        var id = "p-" + IamIds.Random("abcdefghijklmnopqrstuvwxyz0123456789", 8);
        var policy = new ServiceControlPolicy
        {
            Id = id, Arn = $"arn:aws:organizations::{org.ManagementAccountId}:policy/{org.Id}/{type.ToLowerInvariant()}/{id}",
            Name = name, Description = description, PolicyType = type, Content = content,
        };
        org.Policies[id] = policy;
        return OrganizationsJson.Policy(policy);
    });

    /// <summary>UpdatePolicy: a new name, description or content (an SCP's checked as on creation); attachments stay.</summary>
    public static readonly OrganizationsOperation UpdatePolicy = new("UpdatePolicy", ReadOnly: false, (_, org, input) =>
    {
        var policy = OrganizationsJson.PolicyNamed(org, OrganizationsJson.Required(input, "PolicyId"));
        if (policy.AwsManaged) throw new AwsError("AccessDeniedException", "You don't have permissions to access this resource.", 400);
        var name = CloudTrailJson.String(input, "Name");
        var description = CloudTrailJson.String(input, "Description");
        var content = CloudTrailJson.String(input, "Content");
        if (content is not null && policy.PolicyType == ServiceControlPolicy.Type) CheckScp(content);
        if (name is not null && name != policy.Name && org.Policies.Values.Any(p => p.PolicyType == policy.PolicyType && p.Name == name))
            throw new AwsError("DuplicatePolicyException", "A policy with the same name already exists.", 400);
        if (name is not null) policy.Name = name;
        if (description is not null) policy.Description = description;
        if (content is not null) policy.Content = content;
        return OrganizationsJson.Policy(policy);
    });

    /// <summary>An SCP's content as AWS checks it: at most 5,120 characters, a valid policy document.</summary>
    private static void CheckScp(string content)
    {
        if (content.Length > MaxScpCharacters)
            throw new AwsError("ConstraintViolationException", "The policy content exceeds the maximum size for a service control policy.", 400)
                { Reason = "POLICY_CONTENT_LIMIT_EXCEEDED" };
        try { PolicyDocument.Parse(content); }
        catch (MalformedPolicyException)
        {
            throw new AwsError("MalformedPolicyDocumentException",
                "The provided policy document does not meet the requirements of the specified policy type.", 400);
        }
    }

    public static readonly OrganizationsOperation AttachPolicy = new("AttachPolicy", ReadOnly: false, (_, org, input) =>
    {
        var policy = OrganizationsJson.PolicyNamed(org, OrganizationsJson.Required(input, "PolicyId"));
        var target = OrganizationsJson.Target(org, OrganizationsJson.Required(input, "TargetId"));
        if (policy.PolicyType != ServiceControlPolicy.Type)
            throw new AwsError("PolicyTypeNotEnabledException", "This operation can be performed only for enabled policy types.", 400);
        var attached = Attached(org, target.Id);
        if (attached.Contains(policy.Id))
            throw new AwsError("DuplicatePolicyAttachmentException", "The selected policy is already attached to the specified target.", 400);
        if (attached.Count(id => org.Policies[id].PolicyType == policy.PolicyType) >= MaxScpsPerTarget)
            throw new AwsError("ConstraintViolationException", "You attempted to attach more policies of this type to the target than are allowed.", 400)
                { Reason = "POLICY_NUMBER_LIMIT_EXCEEDED" };
        attached.Add(policy.Id);
        return [];
    });

    public static readonly OrganizationsOperation DetachPolicy = new("DetachPolicy", ReadOnly: false, (_, org, input) =>
    {
        var policy = OrganizationsJson.PolicyNamed(org, OrganizationsJson.Required(input, "PolicyId"));
        var target = OrganizationsJson.Target(org, OrganizationsJson.Required(input, "TargetId"));
        var attached = Attached(org, target.Id);
        if (!attached.Contains(policy.Id))
            throw new AwsError("PolicyNotAttachedException", "The policy isn't attached to the specified target in the specified root.", 400);
        if (policy.PolicyType == ServiceControlPolicy.Type && attached.Count(id => org.Policies[id].PolicyType == policy.PolicyType) == 1)
            throw new AwsError("ConstraintViolationException",
                "You attempted to detach a policy that would leave the target with no service control policy attached.", 400)
                { Reason = "MIN_POLICY_TYPE_ATTACHMENT_LIMIT_EXCEEDED" };
        attached.Remove(policy.Id);
        return [];
    });

    private static List<string> Attached(RangeOrganization org, string targetId)
    {
        if (!org.Attachments.TryGetValue(targetId, out var list)) org.Attachments[targetId] = list = [];
        return list;
    }
}
