using System.Text.Json.Nodes;
using Shodo.Range.Serving;
using Shodo.Range.State.Organizations;

namespace Shodo.Range.Services.Organizations;

/// <summary>
/// EnableAWSServiceAccess (trusted access, the management account): lets a service act across the organisation — CloudTrail
/// must have it before an organisation trail can be created. Enabling it twice changes nothing, as in AWS.
/// </summary>
internal sealed class EnableAWSServiceAccess : OrganizationsAction
{
    public override string Name => "EnableAWSServiceAccess";

    protected override JsonObject Handle(AwsCall call, RangeOrganization org, JsonObject input)
    {
        var principal = OrganizationsJson.Required(input, "ServicePrincipal");
        org.ServiceAccess.TryAdd(principal, call.State.Clock.Now);
        return new JsonObject();
    }
}
