using System.Text.Json.Nodes;
using Shodo.Range.Serving;
using Shodo.Range.State.Iam;

namespace Shodo.Range.Services.Sts;

/// <summary>
/// Temporary credentials for the calling IAM user (default 12 h, 15 min–36 h). They carry the user's
/// permissions, evaluated at each call: a Deny later put on the user reaches them too.
/// </summary>
public sealed class GetSessionToken : StsAction
{
    public override string Name => "GetSessionToken";
    public override bool ReadOnly => true;

    public override AwsResponse Handle(AwsCall call)
    {
        var userName = RequireLongTermUser(call, Name);
        var seconds = Duration(call.Request, 43200, 900, 129600);
        var serial = call.Request.Param("SerialNumber");
        var mfa = serial is not null && call.Request.Param("TokenCode") is { Length: 6 }
                  && call.State.Iam.User(userName)?.MfaDevices.Any(d => d.SerialNumber == serial) == true;
        if (serial is not null && !mfa)
            throw new AwsError("AccessDenied", "MultiFactorAuthentication failed with invalid MFA one time pass code.", 403);
        var session = Issue(call, StsSession.SessionToken, seconds, s =>
        {
            s.SourceUserName = userName;
            s.MfaAuthenticated = mfa;
        });
        call.ResponseElements = new JsonObject { ["credentials"] = CredentialsRecord(session) };
        return new XmlResult(Credentials(session));
    }
}
