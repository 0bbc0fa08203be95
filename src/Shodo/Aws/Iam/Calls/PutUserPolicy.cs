using System.Xml.Linq;
using Shodo.Aws.Iam.Model;
using Shodo.Aws.Protocols;

namespace Shodo.Aws.Iam.Calls;

/// <summary>iam:PutUserPolicy — add or replace an inline policy on a user (containment: an explicit deny).</summary>
public sealed record PutUserPolicy(string UserName, string PolicyName, string PolicyDocument) : QueryCall<NoContent>
{
    public override AwsOperation Operation => IamOperations.PutUserPolicy;
    public override void Write(QueryParameters p) =>
        p.Add("UserName", UserName).Add("PolicyName", PolicyName).Add("PolicyDocument", PolicyDocument);
    public override NoContent Read(XElement r) => default;
}
