using Shodo.Range.Serving;

namespace Shodo.Range.Services.Iam;

/// <summary>
/// PutUserPermissionsBoundary / PutRolePermissionsBoundary: a managed policy (AWS's or the account's) as the most a user's or
/// role's policies may allow; the <see cref="Auth.Authorizer"/> then needs the boundary to allow too. The policy must exist
/// (NoSuchEntity); a service-linked or Identity Center role answers UnmodifiableEntity. Setting it again replaces it.
/// </summary>
public sealed class PutPermissionsBoundary(PolicyHolder holder) : IamAction
{
    public override string Name => $"Put{holder.Kind}PermissionsBoundary";
    public override string Resource(AwsRequest r) => holder.Arn(r);

    public override AwsResponse Handle(AwsCall call)
    {
        var (name, _, _) = holder.Find(call);
        ProtectedRoles.RefuseChange(holder, call);
        var arn = call.Request.RequiredParam("PermissionsBoundary");
        if (Iam(call).Policy(arn) is null) throw IamErrors.NoSuchPolicy(arn);
        if (holder == PolicyHolder.User) Iam(call).User(name)!.PermissionsBoundaryArn = arn;
        else Iam(call).Role(name)!.PermissionsBoundaryArn = arn;
        return new XmlResult();
    }
}
