using Shodo.Range.Serving;

namespace Shodo.Range.Services.Iam;

/// <summary>
/// A user, role or group as something policies are put on or attached to, so that the inline and
/// attached policy operations are written once for the three (PutUserPolicy, PutRolePolicy...).
/// </summary>
public sealed record PolicyHolder(string Kind, string ArnKind)
{
    public static readonly PolicyHolder User = new("User", "user");
    public static readonly PolicyHolder Role = new("Role", "role");
    public static readonly PolicyHolder Group = new("Group", "group");

    public string NameParameter => Kind + "Name";

    public string Arn(AwsRequest r) =>
        r.Param(NameParameter) is { } name ? $"arn:{r.Partition}:iam::{r.AccountId}:{ArnKind}/{name}" : "*";

    /// <summary>The holder's inline policies and attached policy ARNs (NoSuchEntity if it does not exist).</summary>
    public (string Name, Dictionary<string, string> Inline, List<string> Attached) Find(AwsCall call)
    {
        var name = call.Request.RequiredParam(NameParameter);
        var iam = call.State.Iam;
        return Kind switch
        {
            "User" => iam.User(name) is { } u ? (u.UserName, u.InlinePolicies, u.AttachedPolicyArns) : throw IamErrors.NoSuchUser(name),
            "Role" => iam.Role(name) is { } r ? (r.RoleName, r.InlinePolicies, r.AttachedPolicyArns) : throw IamErrors.NoSuchRole(name),
            _ => iam.Group(name) is { } g ? (g.GroupName, g.InlinePolicies, g.AttachedPolicyArns) : throw IamErrors.NoSuchGroup(name),
        };
    }
}
