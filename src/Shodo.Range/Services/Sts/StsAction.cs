using System.Globalization;
using System.Text.Json.Nodes;
using System.Xml.Linq;
using Shodo.Range.Serving;
using Shodo.Range.State.Iam;

namespace Shodo.Range.Services.Sts;

/// <summary>Shared parts of the operations that issue temporary credentials (ASIA... + session token).</summary>
public abstract class StsAction : QueryAction
{
    protected static int Duration(AwsRequest request, int defaultSeconds, int min, int max)
    {
        if (request.Param("DurationSeconds") is not { } text) return defaultSeconds;
        if (!int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var seconds) || seconds < min || seconds > max)
            throw new AwsError("ValidationError",
                $"1 validation error detected: Value '{text}' at 'durationSeconds' failed to satisfy constraint: " +
                $"Member must have value {(seconds < min ? "greater than or equal to " + min : "less than or equal to " + max)}", 400);
        return seconds;
    }

    /// <summary>Issues a session in <paramref name="account"/> (default: the caller's account) whose key id names that account.</summary>
    protected static StsSession Issue(AwsCall call, string kind, int seconds, Action<StsSession> configure,
        State.RangeState? account = null)
    {
        account ??= call.State;
        var session = new StsSession
        {
            AccessKeyId = IamIds.TemporaryAccessKeyId(account.AccountId), SecretAccessKey = IamIds.SecretAccessKey(),
            Token = IamIds.SessionToken(), Kind = kind, IssuedAt = call.Now, Expiration = call.Now.AddSeconds(seconds),
            SourceAccessKeyId = call.Caller.IsTemporary ? null : call.Caller.AccessKeyId,
        };
        configure(session);
        account.Iam.Sessions[session.AccessKeyId] = session;
        return session;
    }

    protected static XElement Credentials(StsSession s) => new("Credentials",
        Xml.E("AccessKeyId", s.AccessKeyId), Xml.E("SecretAccessKey", s.SecretAccessKey),
        Xml.E("SessionToken", s.Token), Xml.E("Expiration", s.Expiration));

    /// <summary>What CloudTrail records of issued credentials: the key id and expiry, never the secret or token.</summary>
    protected static JsonObject CredentialsRecord(StsSession s) => new()
    {
        ["accessKeyId"] = s.AccessKeyId,
        ["expiration"] = Xml.Date(s.Expiration),
    };

    /// <summary>Only an IAM user's long-term key may call GetSessionToken / GetFederationToken.</summary>
    protected static string RequireLongTermUser(AwsCall call, string operation)
    {
        if (call.Caller.IsTemporary || call.Caller.UserName is null)
            throw new AwsError("AccessDenied", $"Cannot call {operation} with session credentials", 403);
        return call.Caller.UserName;
    }
}
