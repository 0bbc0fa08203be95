using System.Xml.Linq;
using Shodo.Aws.Iam.Model;
using Shodo.Aws.Protocols;

namespace Shodo.Aws.Iam.Calls;

/// <summary>iam:ListAttachedRolePolicies — managed policies attached to a role (containment: is AWSDenyAll on it).</summary>
public sealed record ListAttachedRolePolicies(string RoleName) : IamPagedCall<AttachedPolicy>
{
    public override AwsOperation Operation => IamOperations.ListAttachedRolePolicies;
    public override void Write(QueryParameters p) => p.Add("RoleName", RoleName);
    public override IReadOnlyList<AttachedPolicy> Read(XElement r) => r.Items("AttachedPolicies").Select(AttachedPolicy.From).ToList();
}
