using System.Text.Json.Nodes;
using Shodo.Range.Serving;
using Shodo.Range.State.Organizations;

namespace Shodo.Range.Services.Organizations;

/// <summary>DescribePolicy: one policy with its content.</summary>
internal sealed class DescribePolicy : OrganizationsAction
{
    public override string Name => "DescribePolicy";

    protected override JsonObject Handle(AwsCall call, RangeOrganization org, JsonObject input)
    {
        return OrganizationsJson.Policy(OrganizationsJson.PolicyNamed(org, OrganizationsJson.Required(input, "PolicyId")));
    }
}
