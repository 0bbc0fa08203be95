using System.Xml.Linq;
using Shodo.Aws.Protocols;

namespace Shodo.Aws.Iam.Model;

/// <summary>A console password's existence (botocore <c>LoginProfile</c>); never the password.</summary>
public sealed record LoginProfile(string UserName, DateTimeOffset? CreateDate, bool PasswordResetRequired)
{
    public static LoginProfile From(XElement e) => new(e.Required("UserName"), e.Date("CreateDate"), e.Bool("PasswordResetRequired"));
}

/// <summary>An MFA device bound to a user (botocore <c>MFADevice</c>).</summary>
public sealed record MfaDevice(string UserName, string SerialNumber, DateTimeOffset? EnableDate)
{
    public static MfaDevice From(XElement e) => new(e.Required("UserName"), e.Required("SerialNumber"), e.Date("EnableDate"));
}

/// <summary>An IAM group (botocore <c>Group</c>).</summary>
public sealed record IamGroup(string Path, string GroupName, string GroupId, string Arn, DateTimeOffset? CreateDate)
{
    public static IamGroup From(XElement e) =>
        new(e.Required("Path"), e.Required("GroupName"), e.Required("GroupId"), e.Required("Arn"), e.Date("CreateDate"));
}

/// <summary>A managed policy attached to a principal (botocore <c>AttachedPolicy</c>).</summary>
public sealed record AttachedPolicy(string PolicyName, string PolicyArn)
{
    public static AttachedPolicy From(XElement e) => new(e.Required("PolicyName"), e.Required("PolicyArn"));
}

/// <summary>An inline policy with its decoded JSON document.</summary>
public sealed record InlinePolicy(string PolicyName, string Document);

/// <summary>An IAM role (botocore <c>Role</c>), with its decoded trust policy.</summary>
public sealed record IamRole(
    string Path, string RoleName, string RoleId, string Arn, DateTimeOffset? CreateDate,
    string? AssumeRolePolicyDocument, string? Description, int? MaxSessionDuration, DateTimeOffset? LastUsedDate)
{
    public static IamRole From(XElement e) => new(
        e.Required("Path"), e.Required("RoleName"), e.Required("RoleId"), e.Required("Arn"), e.Date("CreateDate"),
        e.PolicyDocument("AssumeRolePolicyDocument"), e.Text("Description"), e.Int("MaxSessionDuration"),
        e.Child("RoleLastUsed")?.Date("LastUsedDate"));
}

/// <summary>Who a managed policy is attached to (one page of ListEntitiesForPolicy).</summary>
public sealed record PolicyEntities(IReadOnlyList<string> GroupNames, IReadOnlyList<string> UserNames, IReadOnlyList<string> RoleNames)
{
    public static PolicyEntities From(XElement result) => new(
        result.Items("PolicyGroups").Select(g => g.Required("GroupName")).ToList(),
        result.Items("PolicyUsers").Select(u => u.Required("UserName")).ToList(),
        result.Items("PolicyRoles").Select(r => r.Required("RoleName")).ToList());
}
