using System.Text.Json.Nodes;

namespace Shodo.Range.Services.Organizations;

/// <summary>ListPolicies, ListPoliciesForTarget, ListTargetsForPolicy and DescribePolicy (the management account).</summary>
internal static class PolicyReads
{
    public static readonly OrganizationsOperation ListPolicies = new("ListPolicies", ReadOnly: true, (_, org, input) =>
    {
        var type = OrganizationsJson.Filter(input);
        return OrganizationsJson.Page(input, "Policies", org.Policies.Values.Where(p => p.PolicyType == type)
            .OrderBy(p => p.AwsManaged ? 0 : 1).ThenBy(p => p.Name, StringComparer.Ordinal)
            .Select(p => (JsonNode)OrganizationsJson.Summary(p)).ToList());
    });

    public static readonly OrganizationsOperation ListPoliciesForTarget = new("ListPoliciesForTarget", ReadOnly: true, (_, org, input) =>
    {
        var target = OrganizationsJson.Target(org, OrganizationsJson.Required(input, "TargetId"));
        var type = OrganizationsJson.Filter(input);
        return OrganizationsJson.Page(input, "Policies", org.Attachments.GetValueOrDefault(target.Id, [])
            .Select(id => org.Policies[id]).Where(p => p.PolicyType == type)
            .Select(p => (JsonNode)OrganizationsJson.Summary(p)).ToList());
    });

    public static readonly OrganizationsOperation ListTargetsForPolicy = new("ListTargetsForPolicy", ReadOnly: true, (_, org, input) =>
    {
        var policy = OrganizationsJson.PolicyNamed(org, OrganizationsJson.Required(input, "PolicyId"));
        return OrganizationsJson.Page(input, "Targets", org.Attachments.Where(a => a.Value.Contains(policy.Id))
            .Select(a => OrganizationsJson.Target(org, a.Key))
            .Select(t => (JsonNode)new JsonObject { ["TargetId"] = t.Id, ["Arn"] = t.Arn, ["Name"] = t.Name, ["Type"] = t.Type })
            .ToList());
    });

    public static readonly OrganizationsOperation DescribePolicy = new("DescribePolicy", ReadOnly: true, (_, org, input) =>
        OrganizationsJson.Policy(OrganizationsJson.PolicyNamed(org, OrganizationsJson.Required(input, "PolicyId"))));
}
