using System.Text.Json.Nodes;
using Shodo.Range.Serving;
using Shodo.Range.State.Organizations;

namespace Shodo.Range.Services.Organizations;

/// <summary>
/// An Organizations operation. An account in no organisation gets AWSOrganizationsNotInUseException; a member account
/// may call only what <see cref="MembersMayCall"/> allows (everything else is the management account's:
/// AccessDeniedException), as AWS answers.
/// </summary>
public abstract class OrganizationsAction : JsonAction
{
    /// <summary>Whether a member account may call it (DescribeOrganization), not only the management account.</summary>
    public virtual bool MembersMayCall => false;

    public sealed override JsonObject Handle(AwsCall call, JsonObject input)
    {
        var organization = call.State.Organization ?? throw new AwsError("AWSOrganizationsNotInUseException",
            "Your account is not a member of an organization.");
        if (!MembersMayCall && call.AccountId != organization.ManagementAccountId)
            throw new AwsError("AccessDeniedException", "You don't have permissions to access this resource.", 400);
        return Handle(call, organization, input);
    }

    protected abstract JsonObject Handle(AwsCall call, RangeOrganization org, JsonObject input);
}
