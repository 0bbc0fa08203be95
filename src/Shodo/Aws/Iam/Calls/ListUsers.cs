using System.Xml.Linq;
using Shodo.Aws.Iam.Model;
using Shodo.Aws.Protocols;

namespace Shodo.Aws.Iam.Calls;

/// <summary>iam:ListUsers — every IAM user.</summary>
public sealed record ListUsers(string? PathPrefix = null) : IamPagedCall<IamUser>
{
    public override AwsOperation Operation => IamOperations.ListUsers;
    public override void Write(QueryParameters p) => p.Add("PathPrefix", PathPrefix);
    public override IReadOnlyList<IamUser> Read(XElement r) => r.Items("Users").Select(IamUser.From).ToList();
}
