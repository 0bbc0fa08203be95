using System.Xml.Linq;
using Shodo.Aws.Iam.Model;
using Shodo.Aws.Protocols;

namespace Shodo.Aws.Iam.Calls;

/// <summary>iam:ListAccessKeys — a user's access keys (metadata only).</summary>
public sealed record ListAccessKeys(string? UserName = null) : IamPagedCall<AccessKeyMetadata>
{
    public override AwsOperation Operation => IamOperations.ListAccessKeys;
    public override void Write(QueryParameters p) => p.Add("UserName", UserName);
    public override IReadOnlyList<AccessKeyMetadata> Read(XElement r) => r.Items("AccessKeyMetadata").Select(AccessKeyMetadata.From).ToList();
}
