using System.Xml.Linq;
using Shodo.Aws.Iam.Model;
using Shodo.Aws.Protocols;

namespace Shodo.Aws.Iam.Calls;

/// <summary>iam:GetRole — one role (containment reads it before revoking its sessions).</summary>
public sealed record GetRole(string RoleName) : QueryCall<IamRole>
{
    public override AwsOperation Operation => IamOperations.GetRole;
    public override void Write(QueryParameters p) => p.Add("RoleName", RoleName);
    public override IamRole Read(XElement r) => IamRole.From(r.Child("Role") ?? new XElement("Role"));
}
