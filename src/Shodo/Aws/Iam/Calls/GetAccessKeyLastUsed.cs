using System.Xml.Linq;
using Shodo.Aws.Iam.Model;
using Shodo.Aws.Protocols;

namespace Shodo.Aws.Iam.Calls;

/// <summary>iam:GetAccessKeyLastUsed — which user owns a key and when/where it was last used.</summary>
public sealed record GetAccessKeyLastUsed(string AccessKeyId) : QueryCall<AccessKeyLastUsed>
{
    public override AwsOperation Operation => IamOperations.GetAccessKeyLastUsed;
    public override void Write(QueryParameters p) => p.Add("AccessKeyId", AccessKeyId);
    public override AccessKeyLastUsed Read(XElement r) => AccessKeyLastUsed.From(r);
}
