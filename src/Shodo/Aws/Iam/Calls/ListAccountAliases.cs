using System.Xml.Linq;
using Shodo.Aws.Iam.Model;
using Shodo.Aws.Protocols;

namespace Shodo.Aws.Iam.Calls;

/// <summary>iam:ListAccountAliases — the account's alias (at most one), for reports.</summary>
public sealed record ListAccountAliases : IamPagedCall<string>
{
    public override AwsOperation Operation => IamOperations.ListAccountAliases;
    public override IReadOnlyList<string> Read(XElement r) => r.Strings("AccountAliases");
}
