using System.Xml.Linq;
using Shodo.Range.Serving;
using Shodo.Range.State.Iam;
using static Shodo.Range.Services.Iam.IamShapes;

namespace Shodo.Range.Services.Iam;

/// <summary>
/// Every user, group, role and managed policy with their policies, in one paged answer — the
/// snapshot a responder takes first. Filter: User, Role, Group, LocalManagedPolicy, AWSManagedPolicy.
/// AWS managed policies are listed when something is attached to them or uses one as its permissions boundary.
/// </summary>
public sealed class GetAccountAuthorizationDetails : IamAction
{
    public override string Name => "GetAccountAuthorizationDetails";

    public override AwsResponse Handle(AwsCall call)
    {
        var iam = Iam(call);
        var filter = ListParam(call.Request, "Filter");
        bool Wants(string kind) => filter.Count == 0 || filter.Contains(kind);
        var entries = new List<(string List, XElement Member)>();
        if (Wants("User"))
            entries.AddRange(iam.Users.Values.OrderBy(u => u.UserName).Select(u => ("UserDetailList", UserDetail(iam, u))));
        if (Wants("Group"))
            entries.AddRange(iam.Groups.Values.OrderBy(g => g.GroupName).Select(g => ("GroupDetailList", Member([
                .. Group(g), InlinePolicies("GroupPolicyList", g.InlinePolicies),
                AttachedPolicies("AttachedManagedPolicies", iam, g.AttachedPolicyArns)]))));
        if (Wants("Role"))
            entries.AddRange(iam.Roles.Values.OrderBy(r => r.RoleName).Select(r => ("RoleDetailList", Member([
                .. Role(r).Where(e => e?.Name.LocalName is not ("Description" or "MaxSessionDuration" or "PermissionsBoundary")),
                new XElement("InstanceProfileList"), InlinePolicies("RolePolicyList", r.InlinePolicies),
                AttachedPolicies("AttachedManagedPolicies", iam, r.AttachedPolicyArns), Boundary(r.PermissionsBoundaryArn)]))));
        var policies = iam.Policies.Values
            .Where(p => p.IsAwsManaged ? Wants("AWSManagedPolicy") && (iam.AttachmentCount(p.Arn) > 0 || Bounds(iam, p.Arn)) : Wants("LocalManagedPolicy"))
            .OrderBy(p => p.PolicyName);
        entries.AddRange(policies.Select(p => ("Policies", Member([
            .. Policy(p, iam.AttachmentCount(p.Arn)),
            new XElement("PolicyVersionList", p.Versions.Select(v => Member(PolicyVersion(v, v.VersionId == p.DefaultVersionId))))]))));

        var (page, paging) = Page(call.Request, entries);
        XElement List(string name) => new(name, page.Where(e => e.List == name).Select(e => e.Member));
        return new XmlResult([List("UserDetailList"), List("GroupDetailList"), List("RoleDetailList"), List("Policies"),
            .. paging.OfType<XElement>()]);
    }

    private static bool Bounds(IamAccount iam, string policyArn) =>
        iam.Users.Values.Any(u => u.PermissionsBoundaryArn == policyArn) || iam.Roles.Values.Any(r => r.PermissionsBoundaryArn == policyArn);

    private static XElement UserDetail(IamAccount iam, IamUser u) => Member([
        Xml.E("Path", u.Path), Xml.E("UserName", u.UserName), Xml.E("UserId", u.UserId), Xml.E("Arn", u.Arn),
        Xml.E("CreateDate", u.CreateDate), InlinePolicies("UserPolicyList", u.InlinePolicies),
        Xml.Members("GroupList", iam.GroupsOf(u.UserName).Select(g => g.GroupName)),
        AttachedPolicies("AttachedManagedPolicies", iam, u.AttachedPolicyArns), Boundary(u.PermissionsBoundaryArn),
        u.Tags.Count > 0 ? Tags(u.Tags) : null]);
}
