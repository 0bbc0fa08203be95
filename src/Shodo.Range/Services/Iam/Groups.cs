using System.Xml.Linq;
using Shodo.Range.Serving;
using Shodo.Range.State.Iam;
using static Shodo.Range.Services.Iam.IamShapes;

namespace Shodo.Range.Services.Iam;

public sealed class CreateGroup : IamAction
{
    public override string Name => "CreateGroup";
    public override string Resource(AwsRequest r) => GroupArn(r, r.Param("GroupName"));

    public override AwsResponse Handle(AwsCall call)
    {
        var name = call.Request.RequiredParam("GroupName");
        if (Iam(call).Group(name) is not null) throw IamErrors.AlreadyExists($"Group with name {name} already exists.");
        var path = call.Request.Param("Path") ?? "/";
        var group = new IamGroup
        {
            GroupName = name, GroupId = IamIds.GroupId(), Path = path,
            Arn = call.State.IamArn("group", path, name), CreateDate = call.Now,
        };
        Iam(call).Groups[name] = group;
        return new XmlResult(new XElement("Group", Group(group)));
    }
}

public sealed class GetGroup : IamAction
{
    public override string Name => "GetGroup";
    public override string Resource(AwsRequest r) => GroupArn(r, r.Param("GroupName"));

    public override AwsResponse Handle(AwsCall call)
    {
        var group = RequireGroup(call, call.Request.RequiredParam("GroupName"));
        var members = group.Members.Select(m => Iam(call).User(m)).OfType<IamUser>();
        var (page, paging) = Page(call.Request, members);
        return new XmlResult([new XElement("Group", Group(group)),
            new XElement("Users", page.Select(u => Member(User(u, withTags: false)))), .. paging.OfType<XElement>()]);
    }
}

public sealed class ListGroups : IamAction
{
    public override string Name => "ListGroups";

    public override AwsResponse Handle(AwsCall call)
    {
        var prefix = call.Request.Param("PathPrefix") ?? "/";
        var groups = Iam(call).Groups.Values.Where(g => g.Path.StartsWith(prefix, StringComparison.Ordinal))
            .OrderBy(g => g.GroupName, StringComparer.OrdinalIgnoreCase);
        var (page, paging) = Page(call.Request, groups);
        return new XmlResult([new XElement("Groups", page.Select(g => Member(Group(g)))), .. paging.OfType<XElement>()]);
    }
}

public sealed class AddUserToGroup : IamAction
{
    public override string Name => "AddUserToGroup";
    public override string Resource(AwsRequest r) => GroupArn(r, r.Param("GroupName"));

    public override AwsResponse Handle(AwsCall call)
    {
        var group = RequireGroup(call, call.Request.RequiredParam("GroupName"));
        var user = RequireUser(call, call.Request.RequiredParam("UserName"));
        if (!group.Members.Contains(user.UserName, StringComparer.OrdinalIgnoreCase)) group.Members.Add(user.UserName);
        return new XmlResult();
    }
}

public sealed class RemoveUserFromGroup : IamAction
{
    public override string Name => "RemoveUserFromGroup";
    public override string Resource(AwsRequest r) => GroupArn(r, r.Param("GroupName"));

    public override AwsResponse Handle(AwsCall call)
    {
        var group = RequireGroup(call, call.Request.RequiredParam("GroupName"));
        var user = RequireUser(call, call.Request.RequiredParam("UserName"));
        if (group.Members.RemoveAll(m => m.Equals(user.UserName, StringComparison.OrdinalIgnoreCase)) == 0)
            throw AwsError.NoSuchEntity($"The user with name {user.UserName} cannot be found in group {group.GroupName}.");
        return new XmlResult();
    }
}

public sealed class ListGroupsForUser : IamAction
{
    public override string Name => "ListGroupsForUser";
    public override string Resource(AwsRequest r) => UserArn(r, r.Param("UserName"));

    public override AwsResponse Handle(AwsCall call)
    {
        var user = RequireUser(call, call.Request.RequiredParam("UserName"));
        var (page, paging) = Page(call.Request, Iam(call).GroupsOf(user.UserName).OrderBy(g => g.GroupName));
        return new XmlResult([new XElement("Groups", page.Select(g => Member(Group(g)))), .. paging.OfType<XElement>()]);
    }
}
