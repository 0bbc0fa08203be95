using System.Xml.Linq;
using Shodo.Aws.Iam.Model;
using Shodo.Aws.Protocols;

namespace Shodo.Aws.Iam.Calls;

/// <summary>iam:ListAttachedUserPolicies — managed policies attached to a user.</summary>
public sealed record ListAttachedUserPolicies(string UserName) : IamPagedCall<AttachedPolicy>
{
    public override AwsOperation Operation => IamOperations.ListAttachedUserPolicies;
    public override void Write(QueryParameters p) => p.Add("UserName", UserName);
    public override IReadOnlyList<AttachedPolicy> Read(XElement r) => r.Items("AttachedPolicies").Select(AttachedPolicy.From).ToList();
}
