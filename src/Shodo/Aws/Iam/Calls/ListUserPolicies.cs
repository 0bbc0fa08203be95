using System.Xml.Linq;
using Shodo.Aws.Iam.Model;
using Shodo.Aws.Protocols;

namespace Shodo.Aws.Iam.Calls;

/// <summary>iam:ListUserPolicies — names of a user's inline policies.</summary>
public sealed record ListUserPolicies(string UserName) : IamPagedCall<string>
{
    public override AwsOperation Operation => IamOperations.ListUserPolicies;
    public override void Write(QueryParameters p) => p.Add("UserName", UserName);
    public override IReadOnlyList<string> Read(XElement r) => r.Strings("PolicyNames");
}
