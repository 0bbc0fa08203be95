using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using Shodo.Range.Serving;
using static Shodo.Range.Services.Iam.IamShapes;

namespace Shodo.Range.Services.Iam;

public sealed partial class CreateUser : IamAction
{
    public override string Name => "CreateUser";
    public override string Resource(AwsRequest r) => UserArn(r, r.Param("UserName"));

    public override AwsResponse Handle(AwsCall call)
    {
        var name = call.Request.RequiredParam("UserName");
        if (!NamePattern().IsMatch(name))
            throw IamErrors.Validation($"The specified value for userName is invalid. It must contain only alphanumeric characters and/or the following: +=,.@_-");
        if (Iam(call).User(name) is not null) throw IamErrors.AlreadyExists($"User with name {name} already exists.");
        var user = call.State.AddUser(name, call.Request.Param("Path") ?? "/");
        user.Tags.AddRange(TagsParam(call.Request));
        call.ResponseElements = Json(("user", Json(("path", user.Path), ("userName", user.UserName),
            ("userId", user.UserId), ("arn", user.Arn), ("createDate", Xml.Date(user.CreateDate)))));
        return new XmlResult(new XElement("User", User(user)));
    }

    [GeneratedRegex(@"^[\w+=,.@-]{1,64}$")]
    internal static partial Regex NamePattern();
}

public sealed class GetUser : IamAction
{
    public override string Name => "GetUser";
    public override string Resource(AwsRequest r) => UserArn(r, r.Param("UserName"));

    public override AwsResponse Handle(AwsCall call) => new XmlResult(new XElement("User", User(UserOrCaller(call))));
}

public sealed class ListUsers : IamAction
{
    public override string Name => "ListUsers";

    public override AwsResponse Handle(AwsCall call)
    {
        var prefix = call.Request.Param("PathPrefix") ?? "/";
        var users = Iam(call).Users.Values.Where(u => u.Path.StartsWith(prefix, StringComparison.Ordinal))
            .OrderBy(u => u.UserName, StringComparer.OrdinalIgnoreCase);
        var (page, paging) = Page(call.Request, users);
        return new XmlResult([new XElement("Users", page.Select(u => Member(User(u, withTags: false)))), .. paging.OfType<XElement>()]);
    }
}

/// <summary>AWS refuses to delete a user that still has keys, a password, policies or groups (DeleteConflict).</summary>
public sealed class DeleteUser : IamAction
{
    public override string Name => "DeleteUser";
    public override string Resource(AwsRequest r) => UserArn(r, r.Param("UserName"));

    public override AwsResponse Handle(AwsCall call)
    {
        var iam = Iam(call);
        var user = RequireUser(call, call.Request.RequiredParam("UserName"));
        if (iam.KeysOf(user.UserName).Any()) throw IamErrors.DeleteConflict("Cannot delete entity, must delete access keys first.");
        if (user.LoginProfile is not null) throw IamErrors.DeleteConflict("Cannot delete entity, must delete login profile first.");
        if (user.MfaDevices.Count > 0) throw IamErrors.DeleteConflict("Cannot delete entity, must delete MFA device first.");
        if (user.InlinePolicies.Count > 0) throw IamErrors.DeleteConflict("Cannot delete entity, must delete policies first.");
        if (user.AttachedPolicyArns.Count > 0) throw IamErrors.DeleteConflict("Cannot delete entity, must detach all policies first.");
        if (iam.GroupsOf(user.UserName).Any()) throw IamErrors.DeleteConflict("Cannot delete entity, must remove users from group first.");
        iam.Users.Remove(user.UserName);
        return new XmlResult();
    }
}

public sealed class TagUser : IamAction
{
    public override string Name => "TagUser";
    public override string Resource(AwsRequest r) => UserArn(r, r.Param("UserName"));

    public override AwsResponse Handle(AwsCall call)
    {
        var user = RequireUser(call, call.Request.RequiredParam("UserName"));
        foreach (var tag in TagsParam(call.Request))
        {
            user.Tags.RemoveAll(t => t.Key == tag.Key);
            user.Tags.Add(tag);
        }
        if (user.Tags.Count > 50) throw IamErrors.LimitExceeded("The number of tags has reached the maximum limit.");
        return new XmlResult();
    }
}

public sealed class UntagUser : IamAction
{
    public override string Name => "UntagUser";
    public override string Resource(AwsRequest r) => UserArn(r, r.Param("UserName"));

    public override AwsResponse Handle(AwsCall call)
    {
        var user = RequireUser(call, call.Request.RequiredParam("UserName"));
        var keys = ListParam(call.Request, "TagKeys");
        user.Tags.RemoveAll(t => keys.Contains(t.Key));
        return new XmlResult();
    }
}

public sealed class ListUserTags : IamAction
{
    public override string Name => "ListUserTags";
    public override string Resource(AwsRequest r) => UserArn(r, r.Param("UserName"));

    public override AwsResponse Handle(AwsCall call)
    {
        var user = RequireUser(call, call.Request.RequiredParam("UserName"));
        var (page, paging) = Page(call.Request, user.Tags);
        return new XmlResult([Tags(page), .. paging.OfType<XElement>()]);
    }
}
