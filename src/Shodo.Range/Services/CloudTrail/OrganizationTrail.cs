using Shodo.Range.Serving;
using Shodo.Range.State.Organizations;

namespace Shodo.Range.Services.CloudTrail;

/// <summary>
/// Who may create an organisation trail, as CloudTrail refuses it: an account in no organisation
/// (OrganizationsNotInUseException), a member account (NotOrganizationMasterAccountException), and the management account
/// before CloudTrail has trusted access in Organizations (CloudTrailAccessNotEnabledException).
/// </summary>
internal static class OrganizationTrail
{
    public static void Check(AwsCall call)
    {
        var org = call.State.Organization
                  ?? throw new AwsError("OrganizationsNotInUseException", "This account is not a member of an organization.");
        if (call.AccountId != org.ManagementAccountId)
            throw new AwsError("NotOrganizationMasterAccountException",
                $"The account {call.AccountId} is not the management account for an organization. Only the management account can create an organization trail.");
        if (!org.ServiceAccess.ContainsKey(RangeOrganization.CloudTrailPrincipal))
            throw new AwsError("CloudTrailAccessNotEnabledException",
                "Trusted access is not enabled between CloudTrail and Organizations. Enable it with organizations:EnableAWSServiceAccess for cloudtrail.amazonaws.com.");
    }
}
