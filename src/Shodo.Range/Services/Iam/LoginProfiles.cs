using System.Xml.Linq;
using Shodo.Range.Serving;
using Shodo.Range.State.Iam;

namespace Shodo.Range.Services.Iam;

/// <summary>Console passwords: the range records that one exists; the password itself is never kept.</summary>
public sealed class CreateLoginProfile : IamAction
{
    public override string Name => "CreateLoginProfile";
    public override string Resource(AwsRequest r) => UserArn(r, r.Param("UserName"));

    public override AwsResponse Handle(AwsCall call)
    {
        var user = UserOrCaller(call);
        var password = call.Request.RequiredParam("Password");
        if (password.Length < 8)
            throw new AwsError("PasswordPolicyViolation", "Password should have a minimum length of 8", 400);
        if (user.LoginProfile is not null)
            throw IamErrors.AlreadyExists($"Login Profile for user {user.UserName} already exists.");
        user.LoginProfile = new LoginProfile { CreateDate = call.Now, PasswordResetRequired = BoolParam(call.Request, "PasswordResetRequired") };
        call.RequestParameters = Json(("userName", user.UserName), ("passwordResetRequired", user.LoginProfile.PasswordResetRequired));
        return new XmlResult(Shape(user.UserName, user.LoginProfile));
    }

    internal static XElement Shape(string userName, LoginProfile p) => new("LoginProfile",
        Xml.E("UserName", userName), Xml.E("CreateDate", p.CreateDate), Xml.E("PasswordResetRequired", p.PasswordResetRequired));
}

public sealed class GetLoginProfile : IamAction
{
    public override string Name => "GetLoginProfile";
    public override string Resource(AwsRequest r) => UserArn(r, r.Param("UserName"));

    public override AwsResponse Handle(AwsCall call)
    {
        var user = UserOrCaller(call);
        var profile = user.LoginProfile ?? throw IamErrors.NoLoginProfile(user.UserName);
        return new XmlResult(CreateLoginProfile.Shape(user.UserName, profile));
    }
}

public sealed class UpdateLoginProfile : IamAction
{
    public override string Name => "UpdateLoginProfile";
    public override string Resource(AwsRequest r) => UserArn(r, r.Param("UserName"));

    public override AwsResponse Handle(AwsCall call)
    {
        var user = UserOrCaller(call);
        var profile = user.LoginProfile ?? throw IamErrors.NoLoginProfile(user.UserName);
        if (call.Request.Param("PasswordResetRequired") is not null)
            profile.PasswordResetRequired = BoolParam(call.Request, "PasswordResetRequired");
        call.RequestParameters = Json(("userName", user.UserName));
        return new XmlResult();
    }
}

public sealed class DeleteLoginProfile : IamAction
{
    public override string Name => "DeleteLoginProfile";
    public override string Resource(AwsRequest r) => UserArn(r, r.Param("UserName"));

    public override AwsResponse Handle(AwsCall call)
    {
        var user = UserOrCaller(call);
        if (user.LoginProfile is null) throw IamErrors.NoLoginProfile(user.UserName);
        user.LoginProfile = null;
        return new XmlResult();
    }
}

public sealed class ListMFADevices : IamAction
{
    public override string Name => "ListMFADevices";
    public override string Resource(AwsRequest r) => UserArn(r, r.Param("UserName"));

    public override AwsResponse Handle(AwsCall call)
    {
        var user = UserOrCaller(call);
        var (page, paging) = Page(call.Request, user.MfaDevices);
        return new XmlResult([new XElement("MFADevices", page.Select(d => IamShapes.Member([
            Xml.E("UserName", user.UserName), Xml.E("SerialNumber", d.SerialNumber), Xml.E("EnableDate", d.EnableDate)]))),
            .. paging.OfType<XElement>()]);
    }
}
