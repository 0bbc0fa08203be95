using System.Text.Json.Nodes;
using Shodo.Range.Serving;
using Shodo.Range.Services.CloudTrail;
using Shodo.Range.State.Organizations;

namespace Shodo.Range.Services.Organizations;

/// <summary>ListAWSServiceAccessForOrganization: the services that have trusted access (<see cref="EnableAWSServiceAccess"/>).</summary>
internal sealed class ListAWSServiceAccessForOrganization : OrganizationsAction
{
    public override string Name => "ListAWSServiceAccessForOrganization";

    protected override JsonObject Handle(AwsCall call, RangeOrganization org, JsonObject input) =>
        OrganizationsJson.Page(input, "EnabledServicePrincipals", org.ServiceAccess.OrderBy(s => s.Key, StringComparer.Ordinal)
            .Select(s => (JsonNode)new JsonObject { ["ServicePrincipal"] = s.Key, ["DateEnabled"] = CloudTrailJson.Epoch(s.Value) }).ToList());
}
