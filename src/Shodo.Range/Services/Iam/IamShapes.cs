using System.Xml.Linq;
using Shodo.Range.Serving;
using Shodo.Range.State.Iam;

namespace Shodo.Range.Services.Iam;

/// <summary>IAM's response structures (User, Role, Group, AccessKey, Policy...) as Query XML.</summary>
public static class IamShapes
{
    public static XElement Member(IEnumerable<XElement?> fields) => new("member", fields);

    public static IEnumerable<XElement?> User(IamUser u, bool withTags = true) =>
    [
        Xml.E("Path", u.Path), Xml.E("UserName", u.UserName), Xml.E("UserId", u.UserId), Xml.E("Arn", u.Arn),
        Xml.E("CreateDate", u.CreateDate), Xml.E("PasswordLastUsed", u.PasswordLastUsed), Boundary(u.PermissionsBoundaryArn),
        withTags && u.Tags.Count > 0 ? Tags(u.Tags) : null,
    ];

    public static IEnumerable<XElement?> Role(IamRole r, bool withTags = true) =>
    [
        Xml.E("Path", r.Path), Xml.E("RoleName", r.RoleName), Xml.E("RoleId", r.RoleId), Xml.E("Arn", r.Arn),
        Xml.E("CreateDate", r.CreateDate), Xml.E("AssumeRolePolicyDocument", Encode(r.AssumeRolePolicyDocument)),
        Xml.E("Description", r.Description), Xml.E("MaxSessionDuration", r.MaxSessionDuration), Boundary(r.PermissionsBoundaryArn),
        withTags && r.Tags.Count > 0 ? Tags(r.Tags) : null,
        new XElement("RoleLastUsed", Xml.E("LastUsedDate", r.LastUsedDate), Xml.E("Region", r.LastUsedRegion)),
    ];

    /// <summary>AttachedPermissionsBoundary: its type is always Policy.</summary>
    public static XElement? Boundary(string? policyArn) => policyArn is null ? null
        : new XElement("PermissionsBoundary", Xml.E("PermissionsBoundaryType", "Policy"), Xml.E("PermissionsBoundaryArn", policyArn));

    public static IEnumerable<XElement?> Group(IamGroup g) =>
    [
        Xml.E("Path", g.Path), Xml.E("GroupName", g.GroupName), Xml.E("GroupId", g.GroupId), Xml.E("Arn", g.Arn),
        Xml.E("CreateDate", g.CreateDate),
    ];

    public static IEnumerable<XElement?> AccessKeyMetadata(AccessKey k) =>
    [
        Xml.E("UserName", k.UserName), Xml.E("AccessKeyId", k.AccessKeyId), Xml.E("Status", k.Status),
        Xml.E("CreateDate", k.CreateDate),
    ];

    public static IEnumerable<XElement?> Policy(ManagedPolicy p, int attachmentCount) =>
    [
        Xml.E("PolicyName", p.PolicyName), Xml.E("PolicyId", p.PolicyId), Xml.E("Arn", p.Arn), Xml.E("Path", p.Path),
        Xml.E("DefaultVersionId", p.DefaultVersionId), Xml.E("AttachmentCount", attachmentCount),
        Xml.E("PermissionsBoundaryUsageCount", 0), Xml.E("IsAttachable", true), Xml.E("Description", p.Description),
        Xml.E("CreateDate", p.CreateDate), Xml.E("UpdateDate", p.UpdateDate),
    ];

    public static IEnumerable<XElement?> PolicyVersion(PolicyVersion v, bool isDefault) =>
    [
        Xml.E("Document", Encode(v.Document)), Xml.E("VersionId", v.VersionId), Xml.E("IsDefaultVersion", isDefault),
        Xml.E("CreateDate", v.CreateDate),
    ];

    public static XElement AttachedPolicies(string name, IamAccount iam, IEnumerable<string> arns) =>
        new(name, arns.Select(arn => Member([
            Xml.E("PolicyName", iam.Policy(arn)?.PolicyName ?? arn[(arn.LastIndexOf('/') + 1)..]),
            Xml.E("PolicyArn", arn)])));

    public static XElement InlinePolicies(string name, Dictionary<string, string> policies) =>
        new(name, policies.Select(p => Member([Xml.E("PolicyName", p.Key), Xml.E("PolicyDocument", Encode(p.Value))])));

    public static XElement Tags(IEnumerable<IamTag> tags) =>
        new("Tags", tags.Select(t => Member([Xml.E("Key", t.Key), Xml.E("Value", t.Value)])));

    /// <summary>IAM returns policy documents URL-encoded (RFC 3986); the AWS CLI decodes them.</summary>
    public static string Encode(string document) => Uri.EscapeDataString(document);
}
