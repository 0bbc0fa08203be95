using System.Xml.Linq;
using Shodo.Aws.Protocols;

namespace Shodo.Aws.Iam.Model;

/// <summary>
/// One page of GetAccountAuthorizationDetails: every user, group, role and managed policy with
/// their policies — the account's whole IAM picture in few calls, the first thing to record.
/// </summary>
public sealed record AuthorizationDetails(
    IReadOnlyList<UserDetail> Users, IReadOnlyList<GroupDetail> Groups,
    IReadOnlyList<RoleDetail> Roles, IReadOnlyList<ManagedPolicyDetail> Policies)
{
    public static AuthorizationDetails From(XElement r) => new(
        r.Items("UserDetailList").Select(UserDetail.From).ToList(),
        r.Items("GroupDetailList").Select(GroupDetail.From).ToList(),
        r.Items("RoleDetailList").Select(RoleDetail.From).ToList(),
        r.Items("Policies").Select(ManagedPolicyDetail.From).ToList());

    internal static IReadOnlyList<InlinePolicy> Inline(XElement e, string list) =>
        e.Items(list).Select(p => new InlinePolicy(p.Required("PolicyName"), p.PolicyDocument("PolicyDocument") ?? "")).ToList();

    internal static IReadOnlyList<AttachedPolicy> Attached(XElement e) =>
        e.Items("AttachedManagedPolicies").Select(AttachedPolicy.From).ToList();
}

public sealed record UserDetail(string UserName, string UserId, string Arn, DateTimeOffset? CreateDate,
    IReadOnlyList<string> Groups, IReadOnlyList<InlinePolicy> InlinePolicies, IReadOnlyList<AttachedPolicy> AttachedPolicies,
    IReadOnlyDictionary<string, string> Tags)
{
    public static UserDetail From(XElement e) => new(e.Required("UserName"), e.Required("UserId"), e.Required("Arn"),
        e.Date("CreateDate"), e.Strings("GroupList"), AuthorizationDetails.Inline(e, "UserPolicyList"),
        AuthorizationDetails.Attached(e), e.Tags());
}

public sealed record GroupDetail(string GroupName, string GroupId, string Arn,
    IReadOnlyList<InlinePolicy> InlinePolicies, IReadOnlyList<AttachedPolicy> AttachedPolicies)
{
    public static GroupDetail From(XElement e) => new(e.Required("GroupName"), e.Required("GroupId"), e.Required("Arn"),
        AuthorizationDetails.Inline(e, "GroupPolicyList"), AuthorizationDetails.Attached(e));
}

public sealed record RoleDetail(string RoleName, string RoleId, string Arn, string? AssumeRolePolicyDocument,
    IReadOnlyList<InlinePolicy> InlinePolicies, IReadOnlyList<AttachedPolicy> AttachedPolicies)
{
    public static RoleDetail From(XElement e) => new(e.Required("RoleName"), e.Required("RoleId"), e.Required("Arn"),
        e.PolicyDocument("AssumeRolePolicyDocument"), AuthorizationDetails.Inline(e, "RolePolicyList"), AuthorizationDetails.Attached(e));
}

public sealed record ManagedPolicyDetail(string PolicyName, string PolicyId, string Arn, string? DefaultVersionId,
    int? AttachmentCount, bool IsAttachable)
{
    public static ManagedPolicyDetail From(XElement e) => new(e.Required("PolicyName"), e.Required("PolicyId"), e.Required("Arn"),
        e.Text("DefaultVersionId"), e.Int("AttachmentCount"), e.Bool("IsAttachable"));
}
