using System.Text.Json.Nodes;
using Shodo.Range.Services.CloudTrail;

namespace Shodo.Range.Services.Organizations;

/// <summary>DescribeOrganization (any account of the organisation), ListAccounts and ListRoots (the management account).</summary>
internal static class OrganizationReads
{
    public static readonly OrganizationsOperation DescribeOrganization = new("DescribeOrganization", ReadOnly: true,
        (_, org, _) =>
        {
            var management = org.Account(org.ManagementAccountId)!;
            return new JsonObject
            {
                ["Organization"] = new JsonObject
                {
                    ["Id"] = org.Id, ["Arn"] = org.Arn, ["FeatureSet"] = "ALL",
                    ["MasterAccountArn"] = org.AccountArn(org.ManagementAccountId),
                    ["MasterAccountId"] = org.ManagementAccountId, ["MasterAccountEmail"] = management.Email,
                    // AWS no longer lists policy types here (deprecated): ListRoots does.
                    ["AvailablePolicyTypes"] = new JsonArray(),
                },
            };
        }, MembersMayCall: true);

    public static readonly OrganizationsOperation ListAccounts = new("ListAccounts", ReadOnly: true, (_, org, input) =>
        OrganizationsJson.Page(input, "Accounts", org.Accounts.Select(a => (JsonNode)new JsonObject
        {
            ["Id"] = a.Id, ["Arn"] = org.AccountArn(a.Id), ["Email"] = a.Email, ["Name"] = a.Name, ["Status"] = "ACTIVE",
            ["JoinedMethod"] = a.Id == org.ManagementAccountId ? "INVITED" : "CREATED",
            ["JoinedTimestamp"] = CloudTrailJson.Epoch(a.JoinedAt),
        }).ToList()));

    public static readonly OrganizationsOperation ListRoots = new("ListRoots", ReadOnly: true, (_, org, input) =>
        OrganizationsJson.Page(input, "Roots",
        [
            new JsonObject
            {
                ["Id"] = org.RootId, ["Arn"] = org.RootArn, ["Name"] = "Root", ["PolicyTypes"] = OrganizationsJson.PolicyTypes(),
            },
        ]));
}
