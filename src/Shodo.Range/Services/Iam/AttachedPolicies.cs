using System.Xml.Linq;
using Shodo.Range.Serving;

namespace Shodo.Range.Services.Iam;

/// <summary>Attach{User,Role,Group}Policy: attaches a managed policy (AWS managed or customer managed) by ARN.</summary>
public sealed class AttachPolicy(PolicyHolder holder) : IamAction
{
    public override string Name => $"Attach{holder.Kind}Policy";
    public override string Resource(AwsRequest r) => holder.Arn(r);

    public override AwsResponse Handle(AwsCall call)
    {
        var (_, _, attached) = holder.Find(call);
        ProtectedRoles.RefuseChange(holder, call);
        var arn = call.Request.RequiredParam("PolicyArn");
        if (Iam(call).Policy(arn) is null) throw IamErrors.NoSuchPolicy(arn);
        if (attached.Contains(arn)) return new XmlResult();
        PolicyQuotas.CheckAttached(holder, attached.Count);
        attached.Add(arn);
        return new XmlResult();
    }
}

public sealed class DetachPolicy(PolicyHolder holder) : IamAction
{
    public override string Name => $"Detach{holder.Kind}Policy";
    public override string Resource(AwsRequest r) => holder.Arn(r);

    public override AwsResponse Handle(AwsCall call)
    {
        var (_, _, attached) = holder.Find(call);
        ProtectedRoles.RefuseChange(holder, call);
        var arn = call.Request.RequiredParam("PolicyArn");
        if (!attached.Remove(arn)) throw AwsError.NoSuchEntity($"Policy {arn} was not found.");
        return new XmlResult();
    }
}

public sealed class ListAttachedPolicies(PolicyHolder holder) : IamAction
{
    public override string Name => $"ListAttached{holder.Kind}Policies";
    public override string Resource(AwsRequest r) => holder.Arn(r);

    public override AwsResponse Handle(AwsCall call)
    {
        var (_, _, attached) = holder.Find(call);
        var (page, paging) = Page(call.Request, attached);
        return new XmlResult([IamShapes.AttachedPolicies("AttachedPolicies", Iam(call), page), .. paging.OfType<XElement>()]);
    }
}
