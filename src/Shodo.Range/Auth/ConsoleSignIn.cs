using System.Text.Json.Nodes;
using Shodo.Range.Serving;
using Shodo.Range.State;
using Shodo.Range.State.Iam;

namespace Shodo.Range.Auth;

/// <summary>
/// The range's equivalent of an IAM user signing in to the console with a password: the user must have a
/// login profile (the range keeps no password, so whoever asks is taken to know it), and an MFA code when
/// the user has an MFA device. The result is a console session: temporary credentials for the user (12 h,
/// with aws:TokenIssueTime), evaluated against the user's policies at each call like any session. A profile
/// with PasswordResetRequired makes the sign-in change the password first, which needs iam:ChangePassword:
/// a Deny on the user refuses the sign-in itself. Recorded as CloudTrail's ConsoleLogin (Success / Failure).
/// No identity policy controls the sign-in itself, as on AWS.
/// </summary>
public sealed class ConsoleSignIn(RangeState state, Authorizer authorizer)
{
    public static readonly TimeSpan SessionLength = TimeSpan.FromHours(12);

    public StsSession SignIn(string userName, string? mfaCode, string sourceIp = "198.51.100.77")
    {
        lock (state.Sync)
        {
            var now = state.Clock.Now;
            var user = state.Iam.User(userName);
            string? refused = user switch
            {
                null => "No such user.",
                { LoginProfile: null } => "The user has no console password (login profile).",
                { MfaDevices.Count: > 0 } when mfaCode is not { Length: 6 } => "An MFA code is required.",
                _ => null,
            };
            var session = refused is null ? Mint(user!, now, mfaCode is not null) : null;
            if (session is not null && user!.LoginProfile!.PasswordResetRequired)
            {
                try
                {
                    authorizer.Authorize(CallerOf(user, session), new AwsOperation("ChangePassword", "iam:ChangePassword", false, user.Arn), now);
                    user.LoginProfile.PasswordResetRequired = false;
                }
                catch (AwsError e)
                {
                    refused = "The password must be reset and the user may not change it: " + e.Message;
                    session = null;
                }
            }
            Record(user, now, sourceIp, refused);
            if (session is null) throw new ConsoleSignInRefused(refused!);
            state.Iam.Sessions[session.AccessKeyId] = session;
            if (user is not null) user.PasswordLastUsed = now;
            return session;
        }
    }

    private StsSession Mint(IamUser user, DateTimeOffset now, bool mfa) => new()
    {
        AccessKeyId = IamIds.TemporaryAccessKeyId(state.AccountId), SecretAccessKey = IamIds.SecretAccessKey(),
        Token = IamIds.SessionToken(), Kind = StsSession.Console, IssuedAt = now, Expiration = now + SessionLength,
        SourceUserName = user.UserName, MfaAuthenticated = mfa,
    };

    private Caller CallerOf(IamUser user, StsSession session) =>
        new(Caller.IamUser, user.Arn, user.UserId, state.AccountId, session.AccessKeyId, user.UserName,
            SessionIssuedAt: session.IssuedAt, SourceUserName: user.UserName, MfaAuthenticated: session.MfaAuthenticated);

    private void Record(IamUser? user, DateTimeOffset now, string sourceIp, string? refused)
    {
        var caller = user is null ? null
            : new Caller(Caller.IamUser, user.Arn, user.UserId, state.AccountId, "", user.UserName);
        state.Record(new CallRecord(
            EventId: Guid.NewGuid().ToString(), RequestId: Guid.NewGuid().ToString(), Time: now,
            Service: "signin", EventSource: "signin.amazonaws.com", EventName: "ConsoleLogin", Region: "us-east-1",
            Caller: caller, SourceIp: sourceIp, UserAgent: "Mozilla/5.0", ReadOnly: false, RequestParameters: null,
            ResponseElements: new JsonObject { ["ConsoleLogin"] = refused is null ? "Success" : "Failure" },
            ErrorCode: refused is null ? null : "Failed authentication", ErrorMessage: refused));
    }
}

/// <summary>A console sign-in the range refused (no login profile, MFA missing, a reset the user may not make).</summary>
public sealed class ConsoleSignInRefused(string message) : Exception(message);
