using System.Text.Json.Nodes;
using Shodo.Range.Services.CloudTrail;
using Shodo.Range.Serving;
using Shodo.Range.State.Organizations;

namespace Shodo.Range.Services.Organizations;

/// <summary>ListAccounts: every account of the organisation, paged (the management account).</summary>
internal sealed class ListAccounts : OrganizationsAction
{
    public override string Name => "ListAccounts";

    protected override JsonObject Handle(AwsCall call, RangeOrganization org, JsonObject input)
    {
        return OrganizationsJson.Page(input, "Accounts", org.Accounts.Select(a => (JsonNode)new JsonObject
        {
            ["Id"] = a.Id, ["Arn"] = org.AccountArn(a.Id), ["Email"] = a.Email, ["Name"] = a.Name, ["Status"] = "ACTIVE",
            ["JoinedMethod"] = a.Id == org.ManagementAccountId ? "INVITED" : "CREATED",
            ["JoinedTimestamp"] = CloudTrailJson.Epoch(a.JoinedAt),
        }).ToList());
    }
}
