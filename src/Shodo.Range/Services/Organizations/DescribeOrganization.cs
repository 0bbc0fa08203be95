using System.Text.Json.Nodes;
using Shodo.Range.Serving;
using Shodo.Range.State.Organizations;

namespace Shodo.Range.Services.Organizations;

/// <summary>DescribeOrganization: the organisation, for any of its accounts (the only operation a member may call).</summary>
internal sealed class DescribeOrganization : OrganizationsAction
{
    public override string Name => "DescribeOrganization";
    public override bool MembersMayCall => true;

    protected override JsonObject Handle(AwsCall call, RangeOrganization org, JsonObject input)
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
    }
}
