using System.Xml.Linq;
using Shodo.Aws.Iam.Model;
using Shodo.Aws.Protocols;

namespace Shodo.Aws.Iam.Calls;

/// <summary>
/// iam:GetAccountAuthorizationDetails — users, groups, roles and managed policies with their
/// policies; each page is one <see cref="AuthorizationDetails"/>. Filter values as in the model
/// (User, Role, Group, LocalManagedPolicy, AWSManagedPolicy); none means all.
/// </summary>
public sealed record GetAccountAuthorizationDetails(IReadOnlyList<string>? Filter = null) : IamPagedCall<AuthorizationDetails>
{
    public override AwsOperation Operation => IamOperations.GetAccountAuthorizationDetails;
    public override void Write(QueryParameters p) => p.AddList("Filter", Filter);
    public override IReadOnlyList<AuthorizationDetails> Read(XElement r) => [AuthorizationDetails.From(r)];
}
