using System.Xml.Linq;
using Shodo.Aws.Iam.Model;
using Shodo.Aws.Protocols;

namespace Shodo.Aws.Iam.Calls;

/// <summary>iam:PutRolePolicy — add or replace an inline policy on a role (containment: deny, or revoke older sessions).</summary>
public sealed record PutRolePolicy(string RoleName, string PolicyName, string PolicyDocument) : QueryCall<NoContent>
{
    public override AwsOperation Operation => IamOperations.PutRolePolicy;
    public override void Write(QueryParameters p) =>
        p.Add("RoleName", RoleName).Add("PolicyName", PolicyName).Add("PolicyDocument", PolicyDocument);
    public override NoContent Read(XElement r) => default;
}
