using System.Xml.Linq;
using Shodo.Aws.Iam.Model;
using Shodo.Aws.Protocols;

namespace Shodo.Aws.Iam.Calls;

/// <summary>iam:ListRoles — every IAM role with its trust policy.</summary>
public sealed record ListRoles(string? PathPrefix = null) : IamPagedCall<IamRole>
{
    public override AwsOperation Operation => IamOperations.ListRoles;
    public override void Write(QueryParameters p) => p.Add("PathPrefix", PathPrefix);
    public override IReadOnlyList<IamRole> Read(XElement r) => r.Items("Roles").Select(IamRole.From).ToList();
}
