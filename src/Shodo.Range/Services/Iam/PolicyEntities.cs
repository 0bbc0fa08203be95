using System.Xml.Linq;
using Shodo.Range.Serving;
using static Shodo.Range.Services.Iam.IamShapes;

namespace Shodo.Range.Services.Iam;

/// <summary>
/// ListEntitiesForPolicy: the users, groups and roles a managed policy is attached to (how a
/// responder learns who already carries AWSCompromisedKeyQuarantine). EntityFilter and PathPrefix
/// narrow the list; one Marker pages across all three kinds, groups first, as AWS answers.
/// </summary>
public sealed class ListEntitiesForPolicy : IamAction
{
    public override string Name => "ListEntitiesForPolicy";
    public override string Resource(AwsRequest r) => r.Param("PolicyArn") ?? "*";

    public override AwsResponse Handle(AwsCall call)
    {
        var arn = call.Request.RequiredParam("PolicyArn");
        var iam = Iam(call);
        if (iam.Policy(arn) is null) throw AwsError.NoSuchEntity($"Policy {arn} was not found.");
        var filter = call.Request.Param("EntityFilter");
        var prefix = call.Request.Param("PathPrefix") ?? "/";
        bool Wanted(string kind, string path) =>
            (filter is null || filter == kind) && path.StartsWith(prefix, StringComparison.Ordinal);

        var entities = iam.Groups.Values.Where(g => g.AttachedPolicyArns.Contains(arn) && Wanted("Group", g.Path))
                .OrderBy(g => g.GroupName, StringComparer.Ordinal)
                .Select(g => ("PolicyGroups", Member([Xml.E("GroupName", g.GroupName), Xml.E("GroupId", g.GroupId)])))
            .Concat(iam.Users.Values.Where(u => u.AttachedPolicyArns.Contains(arn) && Wanted("User", u.Path))
                .OrderBy(u => u.UserName, StringComparer.Ordinal)
                .Select(u => ("PolicyUsers", Member([Xml.E("UserName", u.UserName), Xml.E("UserId", u.UserId)]))))
            .Concat(iam.Roles.Values.Where(r => r.AttachedPolicyArns.Contains(arn) && Wanted("Role", r.Path))
                .OrderBy(r => r.RoleName, StringComparer.Ordinal)
                .Select(r => ("PolicyRoles", Member([Xml.E("RoleName", r.RoleName), Xml.E("RoleId", r.RoleId)]))));

        var (page, paging) = Page(call.Request, entities);
        XElement List(string name) => new(name, page.Where(e => e.Item1 == name).Select(e => e.Item2));
        return new XmlResult([List("PolicyGroups"), List("PolicyUsers"), List("PolicyRoles"), .. paging.OfType<XElement>()]);
    }
}
