using System.Xml.Linq;
using Shodo.Range.Serving;

namespace Shodo.Range.Services.Iam;

/// <summary>Put{User,Role,Group}Policy: adds or replaces an inline policy.</summary>
public sealed class PutInlinePolicy(PolicyHolder holder) : IamAction
{
    public override string Name => $"Put{holder.Kind}Policy";
    public override string Resource(AwsRequest r) => holder.Arn(r);

    public override AwsResponse Handle(AwsCall call)
    {
        var (owner, inline, _) = holder.Find(call);
        ProtectedRoles.RefuseChange(holder, call);
        var name = call.Request.RequiredParam("PolicyName");
        var document = RequirePolicyDocument(call, "PolicyDocument");
        PolicyQuotas.CheckInline(holder, owner, inline, name, document);
        inline[name] = document;
        return new XmlResult();
    }
}

public sealed class GetInlinePolicy(PolicyHolder holder) : IamAction
{
    public override string Name => $"Get{holder.Kind}Policy";
    public override string Resource(AwsRequest r) => holder.Arn(r);

    public override AwsResponse Handle(AwsCall call)
    {
        var (owner, inline, _) = holder.Find(call);
        var name = call.Request.RequiredParam("PolicyName");
        var document = inline.GetValueOrDefault(name) ?? throw IamErrors.NoSuchInlinePolicy(holder.ArnKind, owner, name);
        return new XmlResult(Xml.E(holder.NameParameter, owner)!, Xml.E("PolicyName", name)!,
            Xml.E("PolicyDocument", IamShapes.Encode(document))!);
    }
}

public sealed class ListInlinePolicies(PolicyHolder holder) : IamAction
{
    public override string Name => $"List{holder.Kind}Policies";
    public override string Resource(AwsRequest r) => holder.Arn(r);

    public override AwsResponse Handle(AwsCall call)
    {
        var (_, inline, _) = holder.Find(call);
        var (page, paging) = Page(call.Request, inline.Keys.Order(StringComparer.Ordinal));
        return new XmlResult([Xml.Members("PolicyNames", page), .. paging.OfType<XElement>()]);
    }
}

public sealed class DeleteInlinePolicy(PolicyHolder holder) : IamAction
{
    public override string Name => $"Delete{holder.Kind}Policy";
    public override string Resource(AwsRequest r) => holder.Arn(r);

    public override AwsResponse Handle(AwsCall call)
    {
        var (owner, inline, _) = holder.Find(call);
        ProtectedRoles.RefuseChange(holder, call);
        var name = call.Request.RequiredParam("PolicyName");
        if (!inline.Remove(name)) throw IamErrors.NoSuchInlinePolicy(holder.ArnKind, owner, name);
        return new XmlResult();
    }
}
