using System.Xml.Linq;
using Shodo.Aws.Iam.Model;
using Shodo.Aws.Protocols;

namespace Shodo.Aws.Iam.Calls;

/// <summary>iam:AttachRolePolicy — attach a managed policy to a role (containment: AWSDenyAll).</summary>
public sealed record AttachRolePolicy(string RoleName, string PolicyArn) : QueryCall<NoContent>
{
    public override AwsOperation Operation => IamOperations.AttachRolePolicy;
    public override void Write(QueryParameters p) => p.Add("RoleName", RoleName).Add("PolicyArn", PolicyArn);
    public override NoContent Read(XElement r) => default;
}
