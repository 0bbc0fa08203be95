using System.Xml.Linq;
using Shodo.Aws.Iam.Model;
using Shodo.Aws.Protocols;

namespace Shodo.Aws.Iam.Calls;

/// <summary>iam:GetUser — one user (the caller when no name is given).</summary>
public sealed record GetUser(string? UserName = null) : QueryCall<IamUser>
{
    public override AwsOperation Operation => IamOperations.GetUser;
    public override void Write(QueryParameters p) => p.Add("UserName", UserName);
    public override IamUser Read(XElement r) => IamUser.From(r.Child("User") ?? new XElement("User"));
}
