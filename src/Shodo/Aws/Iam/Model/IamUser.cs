using System.Xml.Linq;
using Shodo.Aws.Protocols;

namespace Shodo.Aws.Iam.Model;

/// <summary>An IAM user (botocore shape <c>User</c>).</summary>
public sealed record IamUser(
    string Path, string UserName, string UserId, string Arn, DateTimeOffset? CreateDate,
    DateTimeOffset? PasswordLastUsed, string? PermissionsBoundaryArn, IReadOnlyDictionary<string, string> Tags)
{
    public static IamUser From(XElement e) => new(
        e.Required("Path"), e.Required("UserName"), e.Required("UserId"), e.Required("Arn"), e.Date("CreateDate"),
        e.Date("PasswordLastUsed"), e.Child("PermissionsBoundary")?.Text("PermissionsBoundaryArn"), e.Tags());
}
