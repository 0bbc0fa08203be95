using System.Text.Json.Nodes;
using Shodo.Range.Services.CloudTrail;
using Shodo.Range.Serving;
using Shodo.Range.State.Iam;
using Shodo.Range.State.Organizations;

namespace Shodo.Range.Services.Organizations;

/// <summary>CreatePolicy: a new policy (an SCP checked by <see cref="ScpRules"/>); refused for a duplicate name, an unknown type, a name or description too long.</summary>
internal sealed class CreatePolicy : OrganizationsAction
{
    public override string Name => "CreatePolicy";

    protected override JsonObject Handle(AwsCall call, RangeOrganization org, JsonObject input)
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
        if (type == ServiceControlPolicy.Type) ScpRules.CheckScp(content);
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
    }
}
