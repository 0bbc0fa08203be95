using System.Text.Json.Nodes;
using Shodo.Range.Services.CloudTrail;

namespace Shodo.Range.Services.Organizations;

/// <summary>
/// Trusted access (the management account): EnableAWSServiceAccess lets a service act across the organisation —
/// CloudTrail must have it before an organisation trail can be created — and ListAWSServiceAccessForOrganization lists
/// the services that have it. Enabling it twice changes nothing, as in AWS.
/// </summary>
internal static class ServiceAccess
{
    public static readonly OrganizationsOperation Enable = new("EnableAWSServiceAccess", ReadOnly: false, (call, org, input) =>
    {
        var principal = OrganizationsJson.Required(input, "ServicePrincipal");
        org.ServiceAccess.TryAdd(principal, call.State.Clock.Now);
        return new JsonObject();
    });

    public static readonly OrganizationsOperation List = new("ListAWSServiceAccessForOrganization", ReadOnly: true, (_, org, input) =>
        OrganizationsJson.Page(input, "EnabledServicePrincipals", org.ServiceAccess.OrderBy(s => s.Key, StringComparer.Ordinal)
            .Select(s => (JsonNode)new JsonObject { ["ServicePrincipal"] = s.Key, ["DateEnabled"] = CloudTrailJson.Epoch(s.Value) }).ToList()));
}
