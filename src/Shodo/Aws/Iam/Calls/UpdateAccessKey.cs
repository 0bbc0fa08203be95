using System.Xml.Linq;
using Shodo.Aws.Iam.Model;
using Shodo.Aws.Protocols;

namespace Shodo.Aws.Iam.Calls;

/// <summary>iam:UpdateAccessKey — set a key Active or Inactive (containment sets Inactive; reversible).</summary>
public sealed record UpdateAccessKey(string AccessKeyId, string Status, string? UserName = null) : QueryCall<NoContent>
{
    public override AwsOperation Operation => IamOperations.UpdateAccessKey;
    public override void Write(QueryParameters p) => p.Add("UserName", UserName).Add("AccessKeyId", AccessKeyId).Add("Status", Status);
    public override NoContent Read(XElement r) => default;
}
