using System.Xml.Linq;
using Shodo.Aws.Iam.Model;
using Shodo.Aws.Protocols;

namespace Shodo.Aws.Iam.Calls;

/// <summary>iam:AttachUserPolicy — attach a managed policy (containment: arn:aws:iam::aws:policy/AWSDenyAll).</summary>
public sealed record AttachUserPolicy(string UserName, string PolicyArn) : QueryCall<NoContent>
{
    public override AwsOperation Operation => IamOperations.AttachUserPolicy;
    public override void Write(QueryParameters p) => p.Add("UserName", UserName).Add("PolicyArn", PolicyArn);
    public override NoContent Read(XElement r) => default;
}
