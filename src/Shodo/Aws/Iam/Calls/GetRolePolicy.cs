using System.Xml.Linq;
using Shodo.Aws.Iam.Model;
using Shodo.Aws.Protocols;

namespace Shodo.Aws.Iam.Calls;

/// <summary>iam:GetRolePolicy — one inline policy of a role, its document URL-decoded.</summary>
public sealed record GetRolePolicy(string RoleName, string PolicyName) : QueryCall<InlinePolicy>
{
    public override AwsOperation Operation => IamOperations.GetRolePolicy;
    public override void Write(QueryParameters p) => p.Add("RoleName", RoleName).Add("PolicyName", PolicyName);
    public override InlinePolicy Read(XElement r) => new(r.Required("PolicyName"), r.PolicyDocument("PolicyDocument") ?? "");
}
