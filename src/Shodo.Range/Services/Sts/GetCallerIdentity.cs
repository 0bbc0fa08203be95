using Shodo.Range.Serving;

namespace Shodo.Range.Services.Sts;

/// <summary>Who am I: needs no permission, and an explicit Deny does not stop it (as on AWS).</summary>
public sealed class GetCallerIdentity : QueryAction
{
    public override string Name => "GetCallerIdentity";

    public override AwsResponse Handle(AwsCall call) => new XmlResult(
        Xml.E("Arn", call.Caller.Arn)!,
        Xml.E("UserId", call.Caller.PrincipalId)!,
        Xml.E("Account", call.Caller.AccountId)!);
}
