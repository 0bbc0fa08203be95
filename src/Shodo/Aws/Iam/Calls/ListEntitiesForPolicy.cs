using System.Xml.Linq;
using Shodo.Aws.Iam.Model;
using Shodo.Aws.Protocols;

namespace Shodo.Aws.Iam.Calls;

/// <summary>iam:ListEntitiesForPolicy — who a managed policy (e.g. AdministratorAccess) is attached to.</summary>
public sealed record ListEntitiesForPolicy(string PolicyArn) : IamPagedCall<PolicyEntities>
{
    public override AwsOperation Operation => IamOperations.ListEntitiesForPolicy;
    public override void Write(QueryParameters p) => p.Add("PolicyArn", PolicyArn);
    public override IReadOnlyList<PolicyEntities> Read(XElement r) => [PolicyEntities.From(r)];
}
