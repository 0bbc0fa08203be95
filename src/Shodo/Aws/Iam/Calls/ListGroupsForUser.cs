using System.Xml.Linq;
using Shodo.Aws.Iam.Model;
using Shodo.Aws.Protocols;

namespace Shodo.Aws.Iam.Calls;

/// <summary>iam:ListGroupsForUser — the groups a user is in.</summary>
public sealed record ListGroupsForUser(string UserName) : IamPagedCall<IamGroup>
{
    public override AwsOperation Operation => IamOperations.ListGroupsForUser;
    public override void Write(QueryParameters p) => p.Add("UserName", UserName);
    public override IReadOnlyList<IamGroup> Read(XElement r) => r.Items("Groups").Select(IamGroup.From).ToList();
}
