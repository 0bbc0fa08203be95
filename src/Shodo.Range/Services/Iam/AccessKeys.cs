using System.Xml.Linq;
using Shodo.Range.Serving;
using Shodo.Range.State.Iam;
using static Shodo.Range.Services.Iam.IamShapes;

namespace Shodo.Range.Services.Iam;

/// <summary>At most two keys per user. CloudTrail records the new key without its secret, as AWS does.</summary>
public sealed class CreateAccessKey : IamAction
{
    public const int MaxKeysPerUser = 2;

    public override string Name => "CreateAccessKey";
    public override string Resource(AwsRequest r) => UserArn(r, r.Param("UserName"));

    public override AwsResponse Handle(AwsCall call)
    {
        var user = UserOrCaller(call);
        if (Iam(call).KeysOf(user.UserName).Count() >= MaxKeysPerUser)
            throw IamErrors.LimitExceeded($"Cannot exceed quota for AccessKeysPerUser: {MaxKeysPerUser}");
        var key = call.State.AddAccessKey(user.UserName);
        call.ResponseElements = Json(("accessKey", Json(("accessKeyId", key.AccessKeyId), ("status", key.Status),
            ("userName", key.UserName), ("createDate", Xml.Date(key.CreateDate)))));
        return new XmlResult(new XElement("AccessKey",
            Xml.E("UserName", key.UserName), Xml.E("AccessKeyId", key.AccessKeyId), Xml.E("Status", key.Status),
            Xml.E("SecretAccessKey", key.SecretAccessKey), Xml.E("CreateDate", key.CreateDate)));
    }
}

public sealed class ListAccessKeys : IamAction
{
    public override string Name => "ListAccessKeys";
    public override string Resource(AwsRequest r) => UserArn(r, r.Param("UserName"));

    public override AwsResponse Handle(AwsCall call)
    {
        var user = UserOrCaller(call);
        var (page, paging) = Page(call.Request, Iam(call).KeysOf(user.UserName));
        return new XmlResult([new XElement("AccessKeyMetadata", page.Select(k => Member(AccessKeyMetadata(k)))),
            .. paging.OfType<XElement>()]);
    }
}

public sealed class UpdateAccessKey : IamAction
{
    public override string Name => "UpdateAccessKey";
    public override string Resource(AwsRequest r) => UserArn(r, r.Param("UserName"));

    public override AwsResponse Handle(AwsCall call)
    {
        var user = UserOrCaller(call);
        var id = call.Request.RequiredParam("AccessKeyId");
        var status = call.Request.RequiredParam("Status");
        if (status is not (AccessKey.Active or AccessKey.Inactive))
            throw IamErrors.Validation($"1 validation error detected: Value '{status}' at 'status' failed to satisfy constraint: Member must satisfy enum value set: [Active, Inactive]");
        var key = Iam(call).KeysOf(user.UserName).FirstOrDefault(k => k.AccessKeyId == id) ?? throw IamErrors.NoSuchKey(id);
        key.Status = status;
        return new XmlResult();
    }
}

public sealed class DeleteAccessKey : IamAction
{
    public override string Name => "DeleteAccessKey";
    public override string Resource(AwsRequest r) => UserArn(r, r.Param("UserName"));

    public override AwsResponse Handle(AwsCall call)
    {
        var user = UserOrCaller(call);
        var id = call.Request.RequiredParam("AccessKeyId");
        var key = Iam(call).KeysOf(user.UserName).FirstOrDefault(k => k.AccessKeyId == id) ?? throw IamErrors.NoSuchKey(id);
        Iam(call).AccessKeys.Remove(key.AccessKeyId);
        return new XmlResult();
    }
}

/// <summary>When, where and for which service a key was last used; N/A before its first use, as AWS answers.</summary>
public sealed class GetAccessKeyLastUsed : IamAction
{
    public override string Name => "GetAccessKeyLastUsed";

    public override AwsResponse Handle(AwsCall call)
    {
        var id = call.Request.RequiredParam("AccessKeyId");
        var key = Iam(call).AccessKeys.GetValueOrDefault(id) ?? throw IamErrors.NoSuchKey(id);
        return new XmlResult(Xml.E("UserName", key.UserName)!, new XElement("AccessKeyLastUsed",
            Xml.E("LastUsedDate", key.LastUsedDate),
            Xml.E("ServiceName", key.LastUsedService ?? "N/A"), Xml.E("Region", key.LastUsedRegion ?? "N/A")));
    }
}
