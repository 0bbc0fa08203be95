using Shodo.Range.Serving;
using Shodo.Range.State;
using Shodo.Range.State.Iam;

namespace Shodo.Range.Auth;

/// <summary>
/// Who is calling, as AWS decides it: the access key must exist and be Active (else
/// InvalidClientTokenId), a temporary key must come with its session token and not be expired
/// (ExpiredToken), and the SigV4 signature must verify with the key's secret (SignatureDoesNotMatch).
/// </summary>
public sealed partial class Authenticator(RangeState state, TimeProvider realTime)
{
    public Caller Authenticate(SignatureInfo signature, SignedRequest request, DateTimeOffset now)
    {
        lock (state.Sync)
        {
            var iam = state.Iam;
            if (iam.Sessions.TryGetValue(signature.AccessKeyId, out var session))
            {
                if (signature.SessionToken != session.Token) throw ProtocolErrors.InvalidToken();
                if (now >= session.Expiration) throw ProtocolErrors.Expired();
                Verify(signature, request, session.SecretAccessKey);
                return CallerOf(session);
            }
            if (iam.RootAccessKeys.FirstOrDefault(k => k.AccessKeyId == signature.AccessKeyId) is { } rootKey)
            {
                if (!rootKey.IsActive || signature.SessionToken is not null) throw ProtocolErrors.InvalidToken();
                Verify(signature, request, rootKey.SecretAccessKey);
                return RootCaller(rootKey);
            }
            if (!iam.AccessKeys.TryGetValue(signature.AccessKeyId, out var key) || !key.IsActive
                || iam.User(key.UserName) is not { } user)
                throw ProtocolErrors.InvalidToken();
            if (signature.SessionToken is not null) throw ProtocolErrors.InvalidToken();
            Verify(signature, request, key.SecretAccessKey);
            return new Caller(Caller.IamUser, user.Arn, user.UserId, state.AccountId, key.AccessKeyId, user.UserName);
        }
    }

    /// <summary>Who a key belongs to, for recording calls that failed authentication (null if unknown).</summary>
    public Caller? Identify(string accessKeyId)
    {
        lock (state.Sync)
        {
            if (state.Iam.Sessions.TryGetValue(accessKeyId, out var session))
                try { return CallerOf(session); } catch (AwsError) { return null; }
            if (state.Iam.RootAccessKeys.FirstOrDefault(k => k.AccessKeyId == accessKeyId) is { } rootKey) return RootCaller(rootKey);
            if (state.Iam.AccessKeys.TryGetValue(accessKeyId, out var key) && state.Iam.User(key.UserName) is { } user)
                return new Caller(Caller.IamUser, user.Arn, user.UserId, state.AccountId, key.AccessKeyId, user.UserName);
            return null;
        }
    }

    /// <summary>The root user calling with one of its access keys: CloudTrail's type Root, principal id the account id.</summary>
    private Caller RootCaller(AccessKey key) => new(Caller.Root, state.RootArn, state.AccountId, state.AccountId, key.AccessKeyId);

    /// <summary>The caller a session stands for; its policies are evaluated at each request.</summary>
    public Caller CallerOf(StsSession session)
    {
        var account = state.AccountId;
        switch (session.Kind)
        {
            case StsSession.Role:
                var role = state.Iam.Role(session.RoleName!) ?? throw ProtocolErrors.InvalidToken();
                return new Caller(Caller.AssumedRole, state.StsArn($"assumed-role/{role.RoleName}/{session.SessionName}"),
                    $"{role.RoleId}:{session.SessionName}", account, session.AccessKeyId,
                    SessionIssuedAt: session.IssuedAt, SourceUserName: session.SourceUserName, RoleName: role.RoleName,
                    MfaAuthenticated: session.MfaAuthenticated);
            case StsSession.Federation:
                return new Caller(Caller.FederatedUser, state.StsArn($"federated-user/{session.SessionName}"),
                    $"{account}:{session.SessionName}", account, session.AccessKeyId,
                    SessionIssuedAt: session.IssuedAt, SourceUserName: session.SourceUserName);
            default:
                var user = state.Iam.User(session.SourceUserName!) ?? throw ProtocolErrors.InvalidToken();
                return new Caller(Caller.IamUser, user.Arn, user.UserId, account, session.AccessKeyId, user.UserName,
                    SessionIssuedAt: session.IssuedAt, SourceUserName: user.UserName,
                    MfaAuthenticated: session.MfaAuthenticated);
        }
    }

    private void Verify(SignatureInfo signature, SignedRequest request, string secret)
    {
        if (signature.Presigned && signature.ExpiresSeconds is int expires
            && DateTimeOffset.TryParseExact(signature.AmzDate, "yyyyMMdd'T'HHmmss'Z'", null,
                System.Globalization.DateTimeStyles.AssumeUniversal, out var signedAt)
            && realTime.GetUtcNow() > signedAt.AddSeconds(expires))
            throw new AwsError(ProtocolErrors.AccessDenied, "Request has expired", 403);
        var declared = request.Header("x-amz-content-sha256");
        if (!signature.Presigned && declared is { Length: 64 }
            && !declared.Equals(SigV4.PayloadHash(request.Body), StringComparison.OrdinalIgnoreCase))
            throw new AwsError("XAmzContentSHA256Mismatch",
                "The provided 'x-amz-content-sha256' header does not match what was computed.", 400);
        var given = signature.Signature.ToLowerInvariant();
        if (SigV4.SameSignature(SigV4Verification.Compute(signature, request, secret).Signature, given)) return;
        if (signature.Presigned && signature.SessionToken is not null
            && SigV4.SameSignature(SigV4Verification.Compute(signature, request, secret, tokenAddedAfterSigning: true).Signature, given))
            return;
        throw ProtocolErrors.BadSignature();
    }
}
