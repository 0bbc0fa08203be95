using System.Text.Json.Nodes;
using Shodo.Range.Serving;
using Shodo.Range.State.Organizations;

namespace Shodo.Range.Services.Organizations;

/// <summary>ListRoots: the one root and its enabled policy types (the management account).</summary>
internal sealed class ListRoots : OrganizationsAction
{
    public override string Name => "ListRoots";

    protected override JsonObject Handle(AwsCall call, RangeOrganization org, JsonObject input)
    {
        return OrganizationsJson.Page(input, "Roots",
        [
            new JsonObject
            {
                ["Id"] = org.RootId, ["Arn"] = org.RootArn, ["Name"] = "Root", ["PolicyTypes"] = OrganizationsJson.PolicyTypes(),
            },
        ]);
    }
}
