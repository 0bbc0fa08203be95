using System.Xml.Linq;
using Shodo.Range.Serving;

namespace Shodo.Range.Services.Iam;

public sealed class ListAccountAliases : IamAction
{
    public override string Name => "ListAccountAliases";

    public override AwsResponse Handle(AwsCall call)
    {
        var (page, paging) = Page(call.Request, Iam(call).AccountAliases);
        return new XmlResult([Xml.Members("AccountAliases", page), .. paging.OfType<XElement>()]);
    }
}

/// <summary>Counts and quotas of IAM entities, as a map (entry/key/value in Query XML).</summary>
public sealed class GetAccountSummary : IamAction
{
    public override string Name => "GetAccountSummary";

    public override AwsResponse Handle(AwsCall call)
    {
        var iam = Iam(call);
        var summary = new Dictionary<string, int>
        {
            ["Users"] = iam.Users.Count, ["UsersQuota"] = 5000,
            ["Groups"] = iam.Groups.Count, ["GroupsQuota"] = 300,
            ["Roles"] = iam.Roles.Count, ["RolesQuota"] = 1000,
            ["Policies"] = iam.Policies.Values.Count(p => !p.IsAwsManaged), ["PoliciesQuota"] = 1500,
            ["PolicyVersionsInUse"] = iam.Users.Values.Sum(u => u.AttachedPolicyArns.Count)
                + iam.Roles.Values.Sum(r => r.AttachedPolicyArns.Count) + iam.Groups.Values.Sum(g => g.AttachedPolicyArns.Count),
            ["PolicyVersionsInUseQuota"] = 10000, ["VersionsPerPolicyQuota"] = 5, ["PolicySizeQuota"] = 6144,
            ["UserPolicySizeQuota"] = 2048, ["GroupPolicySizeQuota"] = 5120, ["RolePolicySizeQuota"] = 10240,
            ["GroupsPerUserQuota"] = 10, ["AccessKeysPerUserQuota"] = CreateAccessKey.MaxKeysPerUser,
            ["SigningCertificatesPerUserQuota"] = 2, ["AttachedPoliciesPerUserQuota"] = PolicyQuotas.MaxAttached,
            ["AttachedPoliciesPerGroupQuota"] = PolicyQuotas.MaxAttached, ["AttachedPoliciesPerRoleQuota"] = PolicyQuotas.MaxAttached,
            ["MFADevices"] = iam.Users.Values.Sum(u => u.MfaDevices.Count),
            ["MFADevicesInUse"] = iam.Users.Values.Sum(u => u.MfaDevices.Count),
            ["AccountMFAEnabled"] = 0, ["AccountAccessKeysPresent"] = iam.RootAccessKeys.Count > 0 ? 1 : 0, ["AccountSigningCertificatesPresent"] = 0,
            ["ServerCertificates"] = 0, ["ServerCertificatesQuota"] = 20, ["Providers"] = 0, ["InstanceProfiles"] = 0,
            ["InstanceProfilesQuota"] = 1000, ["GlobalEndpointTokenVersion"] = 1,
        };
        return new XmlResult(new XElement("SummaryMap", summary.Select(e =>
            new XElement("entry", Xml.E("key", e.Key), Xml.E("value", e.Value)))));
    }
}
