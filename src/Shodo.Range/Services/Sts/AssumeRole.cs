using System.Text.Json.Nodes;
using System.Xml.Linq;
using Shodo.Range.Auth.Policies;
using Shodo.Range.Serving;
using Shodo.Range.State;
using Shodo.Range.State.Iam;

namespace Shodo.Range.Services.Sts;

/// <summary>
/// Credentials for a role session. The caller's identity policy must allow sts:AssumeRole on the
/// role (the authorizer checks it) and the role's trust policy must name the caller, its account
/// root or "*" as an AWS principal, with its conditions met in the request's context: the global keys,
/// sts:ExternalId (the ExternalId given, absent when none) and aws:MultiFactorAuthPresent / aws:MultiFactorAuthAge
/// (present when SerialNumber and TokenCode are given and the serial is one of the caller's MFA devices; a wrong
/// code is AccessDenied as AWS answers it). A session's own MFA context carries through.
/// A role in another account of the organisation is assumed the same way (its trust policy naming this account, e.g.
/// OrganizationAccountAccessRole trusting the management account's root): the session lives in the role's account
/// and acts there, and the event is recorded in both accounts.
/// </summary>
public sealed partial class AssumeRole : StsAction
{
    /// <summary>roleSessionNameType in botocore's STS model: 2 to 64 of [\w+=,.@-] (\w as Java reads it: ASCII letters, digits, underscore).</summary>
    [System.Text.RegularExpressions.GeneratedRegex(@"^[A-Za-z0-9_+=,.@-]*$")]
    private static partial System.Text.RegularExpressions.Regex SessionNamePattern();

    public override string Name => "AssumeRole";
    public override bool ReadOnly => true;
    public override string Resource(AwsRequest r) => r.Param("RoleArn") ?? "*";

    public override AwsResponse Handle(AwsCall call)
    {
        var roleArn = call.Request.RequiredParam("RoleArn");
        var sessionName = call.Request.RequiredParam("RoleSessionName");
        if (sessionName.Length is < 2 or > 64 || !SessionNamePattern().IsMatch(sessionName))
            throw new AwsError("ValidationError",
                $"1 validation error detected: Value '{sessionName}' at 'roleSessionName' failed to satisfy constraint: " +
                @"Member must satisfy regular expression pattern: [\w+=,.@-]*", 400);
        var roleName = roleArn[(roleArn.LastIndexOf('/') + 1)..];
        var account = RoleAccount(call, roleArn);
        var role = account?.Iam.Role(roleName);
        var mfa = Mfa(call);
        if (account is null || role is null || role.Arn != roleArn || !Trusts(role, call, mfa))
            throw new AwsError("AccessDenied",
                $"User: {call.Caller.Arn} is not authorized to perform: sts:AssumeRole on resource: {roleArn}", 403);
        var max = call.Caller.Type == Caller.AssumedRole ? 3600 : role.MaxSessionDuration;
        var seconds = Duration(call.Request, 3600, 900, max);
        var policy = SessionPolicy.From(call);
        var crossAccount = account != call.State;
        var session = Issue(call, StsSession.Role, seconds, s =>
        {
            s.RoleName = role.RoleName;
            s.SessionName = sessionName;
            s.SessionPolicy = policy;
            // A user of another account is no user here: its policies do not follow it into the role's account.
            s.SourceUserName = crossAccount ? null : call.Caller.SourceUserName ?? call.Caller.UserName;
            s.MfaAuthenticated = mfa;
        }, account);
        if (crossAccount) call.AlsoRecordIn = account; // CloudTrail records a cross-account AssumeRole in both accounts
        role.LastUsedDate = call.Now;
        role.LastUsedRegion = call.Region;
        var arn = account.StsArn($"assumed-role/{role.RoleName}/{sessionName}");
        var id = $"{role.RoleId}:{sessionName}";
        call.ResponseElements = new JsonObject
        {
            ["credentials"] = CredentialsRecord(session),
            ["assumedRoleUser"] = new JsonObject { ["assumedRoleId"] = id, ["arn"] = arn },
        };
        return new XmlResult(Credentials(session),
            new XElement("AssumedRoleUser", Xml.E("AssumedRoleId", id), Xml.E("Arn", arn)),
            Xml.E("PackedPolicySize", policy is null ? 0 : Math.Min(100, policy.Length / 20))!);
    }

    /// <summary>
    /// The account whose role the ARN names: this one, or another account of the organisation (a role in an account
    /// the range does not hold cannot be assumed, as AWS refuses a role that does not exist).
    /// </summary>
    private static RangeState? RoleAccount(AwsCall call, string roleArn)
    {
        var parts = roleArn.Split(':');
        if (parts.Length < 6 || parts[4] == call.AccountId) return call.State;
        return call.State.Organization?.Account(parts[4])?.State;
    }

    /// <summary>Whether the request proves MFA: a valid SerialNumber + TokenCode, or a session that was minted with MFA.</summary>
    private static bool Mfa(AwsCall call)
    {
        var serial = call.Request.Param("SerialNumber");
        var code = call.Request.Param("TokenCode");
        if (serial is null && code is null) return call.Caller.IsTemporary && call.Caller.MfaAuthenticated;
        var owner = call.Caller.SourceUserName ?? call.Caller.UserName;
        if (serial is null || code is not { Length: 6 } || !code.All(char.IsAsciiDigit)
            || owner is null || call.State.Iam.User(owner)?.MfaDevices.Any(d => d.SerialNumber == serial) != true)
            throw new AwsError("AccessDenied", "MultiFactorAuthentication failed with invalid MFA one time pass code.", 403);
        return true;
    }

    private static bool Trusts(IamRole role, AwsCall call, bool mfa)
    {
        var caller = call.Caller;
        var principalArn = caller.Type == Caller.AssumedRole && caller.RoleName is { } r
            ? call.State.IamArn("role", "/", r)
            : caller.Arn;
        var context = Auth.Authorizer.ContextFor(caller, new AwsOperation("AssumeRole", "sts:AssumeRole", true, role.Arn), call.Now, call.Request)
            .With("sts:ExternalId", call.Request.Param("ExternalId"))
            .With("sts:RoleSessionName", call.Request.Param("RoleSessionName"));
        if (mfa) context.With("aws:MultiFactorAuthPresent", "true").With("aws:MultiFactorAuthAge", "0");
        var allowed = false;
        foreach (var statement in PolicyDocument.Parse(role.AssumeRolePolicyDocument).Statements)
        {
            if (statement.Principal is not { } principal || !PolicyEvaluator.Applies(statement with { Resources = null }, context))
                continue;
            var named = principal.Everyone || principal.Values.TryGetValue("AWS", out var aws) && aws.Any(p =>
                p == "*" || p == principalArn || p == caller.AccountId || p == call.State.RootArn);
            if (!named) continue;
            if (!statement.IsAllow) return false;
            allowed = true;
        }
        return allowed;
    }
}
