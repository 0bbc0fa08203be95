using System.Xml.Linq;
using Shodo.Aws.Iam.Model;
using Shodo.Aws.Protocols;

namespace Shodo.Aws.Iam.Calls;

/// <summary>iam:GetUserPolicy — one inline policy, its document URL-decoded.</summary>
public sealed record GetUserPolicy(string UserName, string PolicyName) : QueryCall<InlinePolicy>
{
    public override AwsOperation Operation => IamOperations.GetUserPolicy;
    public override void Write(QueryParameters p) => p.Add("UserName", UserName).Add("PolicyName", PolicyName);
    public override InlinePolicy Read(XElement r) => new(r.Required("PolicyName"), r.PolicyDocument("PolicyDocument") ?? "");
}
