using System.Xml.Linq;
using Shodo.Aws.Iam.Model;
using Shodo.Aws.Protocols;

namespace Shodo.Aws.Iam.Calls;

/// <summary>iam:TagUser — mark a contained user (case id, time) so the console shows it.</summary>
public sealed record TagUser(string UserName, IReadOnlyDictionary<string, string> Tags) : QueryCall<NoContent>
{
    public override AwsOperation Operation => IamOperations.TagUser;
    public override void Write(QueryParameters p) => p.Add("UserName", UserName).AddPairs("Tags", Tags);
    public override NoContent Read(XElement r) => default;
}
