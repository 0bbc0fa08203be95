using System.Xml.Linq;
using Shodo.Aws.Iam.Model;
using Shodo.Aws.Protocols;

namespace Shodo.Aws.Iam.Calls;

/// <summary>
/// iam:GetLoginProfile — whether a user has a console password. A user without one answers
/// <c>NoSuchEntity</c> (an <see cref="Errors.AwsServiceError"/> with that code).
/// </summary>
public sealed record GetLoginProfile(string UserName) : QueryCall<LoginProfile>
{
    public override AwsOperation Operation => IamOperations.GetLoginProfile;
    public override void Write(QueryParameters p) => p.Add("UserName", UserName);
    public override LoginProfile Read(XElement r) => LoginProfile.From(r.Child("LoginProfile") ?? new XElement("LoginProfile"));
}
