using Shodo.Range.Serving;
using Shodo.Range.State;

namespace Shodo.Range.Auth;

public sealed partial class Authenticator
{
    /// <summary>
    /// Authenticates an in-process call (scenario playback, the live adversary) exactly as
    /// <see cref="Authenticate"/> does — unknown or Inactive key, wrong or missing session token, expired
    /// session — except that instead of verifying a SigV4 signature it compares the secret key.
    /// </summary>
    public Caller AuthenticateSecret(RangeCredentials credentials, DateTimeOffset now)
    {
        lock (state.Sync)
        {
            var iam = state.Iam;
            if (iam.Sessions.TryGetValue(credentials.AccessKeyId, out var session))
            {
                if (credentials.SessionToken != session.Token) throw ProtocolErrors.InvalidToken();
                if (now >= session.Expiration) throw ProtocolErrors.Expired();
                if (credentials.SecretAccessKey != session.SecretAccessKey) throw ProtocolErrors.BadSignature();
                return CallerOf(session);
            }
            if (iam.RootAccessKeys.FirstOrDefault(k => k.AccessKeyId == credentials.AccessKeyId) is { } rootKey)
            {
                if (!rootKey.IsActive || credentials.SessionToken is not null) throw ProtocolErrors.InvalidToken();
                if (credentials.SecretAccessKey != rootKey.SecretAccessKey) throw ProtocolErrors.BadSignature();
                return RootCaller(rootKey);
            }
            if (!iam.AccessKeys.TryGetValue(credentials.AccessKeyId, out var key) || !key.IsActive
                || iam.User(key.UserName) is not { } user)
                throw ProtocolErrors.InvalidToken();
            if (credentials.SessionToken is not null) throw ProtocolErrors.InvalidToken();
            if (credentials.SecretAccessKey != key.SecretAccessKey) throw ProtocolErrors.BadSignature();
            return new Caller(Caller.IamUser, user.Arn, user.UserId, state.AccountId, key.AccessKeyId, user.UserName);
        }
    }
}
