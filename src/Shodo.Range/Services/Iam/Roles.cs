using System.Xml.Linq;
using Shodo.Range.Serving;
using Shodo.Range.State.Iam;
using static Shodo.Range.Services.Iam.IamShapes;

namespace Shodo.Range.Services.Iam;

/// <summary>A role with its trust policy (who may assume it, checked by STS AssumeRole).</summary>
public sealed class CreateRole : IamAction
{
    public override string Name => "CreateRole";
    public override string Resource(AwsRequest r) => RoleArn(r, r.Param("RoleName"));

    public override AwsResponse Handle(AwsCall call)
    {
        var name = call.Request.RequiredParam("RoleName");
        var trust = RequirePolicyDocument(call, "AssumeRolePolicyDocument");
        if (Iam(call).Role(name) is not null) throw IamErrors.AlreadyExists($"Role with name {name} already exists.");
        var path = call.Request.Param("Path") ?? "/";
        var role = new IamRole
        {
            RoleName = name, RoleId = IamIds.RoleId(), Path = path, Arn = call.State.IamArn("role", path, name),
            CreateDate = call.Now, AssumeRolePolicyDocument = trust, Description = call.Request.Param("Description"),
            MaxSessionDuration = int.TryParse(call.Request.Param("MaxSessionDuration"), out var max) ? max : 3600,
            Tags = TagsParam(call.Request),
        };
        Iam(call).Roles[name] = role;
        call.ResponseElements = Json(("role", Json(("roleName", role.RoleName), ("roleId", role.RoleId),
            ("arn", role.Arn), ("path", role.Path), ("createDate", Xml.Date(role.CreateDate)))));
        return new XmlResult(new XElement("Role", Role(role)));
    }
}

public sealed class GetRole : IamAction
{
    public override string Name => "GetRole";
    public override string Resource(AwsRequest r) => RoleArn(r, r.Param("RoleName"));

    public override AwsResponse Handle(AwsCall call) =>
        new XmlResult(new XElement("Role", Role(RequireRole(call, call.Request.RequiredParam("RoleName")))));
}

public sealed class ListRoles : IamAction
{
    public override string Name => "ListRoles";

    public override AwsResponse Handle(AwsCall call)
    {
        var prefix = call.Request.Param("PathPrefix") ?? "/";
        var roles = Iam(call).Roles.Values.Where(r => r.Path.StartsWith(prefix, StringComparison.Ordinal))
            .OrderBy(r => r.RoleName, StringComparer.OrdinalIgnoreCase);
        var (page, paging) = Page(call.Request, roles);
        return new XmlResult([new XElement("Roles", page.Select(r => Member(Role(r, withTags: false)))), .. paging.OfType<XElement>()]);
    }
}
