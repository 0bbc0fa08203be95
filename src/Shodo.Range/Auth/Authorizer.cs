using System.Globalization;
using Shodo.Range.Auth.Policies;
using Shodo.Range.Serving;
using Shodo.Range.State;

namespace Shodo.Range.Auth;

/// <summary>
/// Decides whether the caller may perform the operation, with IAM's identity-policy logic, and
/// answers AWS's AccessDenied otherwise (the dispatcher translates it per protocol).
/// sts:GetCallerIdentity needs no permission and cannot be denied, as on AWS; nor can sts:GetSessionToken
/// ("no permissions are required for a user to get a session token ... you cannot use policies to control
/// authentication operations"): a key that is still Active mints sessions whatever its policies say, and only
/// what those sessions may then do is evaluated.
/// A permissions boundary on the caller's user or role bounds what its policies allow (an Allow outside it is no Allow).
/// In a member account of an organisation, service control policies bound every principal, the root user included
/// (<see cref="ServiceControlPolicies"/>).
/// </summary>
public sealed class Authorizer(RangeState state)
{
    public void Authorize(Caller caller, AwsOperation operation, DateTimeOffset now, AwsRequest? request = null)
    {
        if (NotControlledByPolicy(operation.IamAction)) return;
        var context = ContextFor(caller, operation, now, request);
        lock (state.Sync)
        {
            if (ServiceControlPolicies.Refusal(state.Organization, state.AccountId, context) is { } refusal)
                throw Denied(caller, operation, refusal);
            if (caller.Type == Caller.Root) return;
            var identity = PolicyEvaluator.Evaluate(IdentityPolicies.Of(state.Iam, caller, state.IamPropagation, now), context);
            var session = IdentityPolicies.SessionPolicyOf(state.Iam, caller);
            var sessionDecision = session is null
                ? (caller.Type == Caller.FederatedUser ? PolicyDecision.ImplicitDeny : PolicyDecision.Allow)
                : PolicyEvaluator.Evaluate([session], context);
            var boundary = IdentityPolicies.BoundaryOf(state.Iam, caller) is { } b ? PolicyEvaluator.Evaluate([b], context) : (PolicyDecision?)null;

            if (identity == PolicyDecision.ExplicitDeny)
                throw Denied(caller, operation, "with an explicit deny in an identity-based policy");
            if (sessionDecision == PolicyDecision.ExplicitDeny)
                throw Denied(caller, operation, "with an explicit deny in a session policy");
            if (boundary == PolicyDecision.ExplicitDeny)
                throw Denied(caller, operation, "with an explicit deny in a permissions boundary");
            if (identity != PolicyDecision.Allow)
                throw Denied(caller, operation, $"because no identity-based policy allows the {operation.IamAction} action");
            if (boundary is not null and not PolicyDecision.Allow)
                throw Denied(caller, operation, $"because no permissions boundary allows the {operation.IamAction} action");
            if (sessionDecision != PolicyDecision.Allow)
                throw Denied(caller, operation, $"because no session policy allows the {operation.IamAction} action");
        }
    }

    /// <summary>Authentication operations no identity policy can allow or deny.</summary>
    public static bool NotControlledByPolicy(string iamAction) =>
        iamAction.Equals("sts:GetCallerIdentity", StringComparison.OrdinalIgnoreCase)
        || iamAction.Equals("sts:GetSessionToken", StringComparison.OrdinalIgnoreCase);

    /// <summary>The request context: global condition keys AWS sets for this caller and request.</summary>
    public static RequestContext ContextFor(Caller caller, AwsOperation operation, DateTimeOffset now, AwsRequest? request)
    {
        var context = new RequestContext(operation.IamAction, operation.Resource)
            .With("aws:CurrentTime", Iso(now))
            .With("aws:EpochTime", now.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture))
            .With("aws:PrincipalArn", caller.Type == Caller.AssumedRole && caller.RoleName is { } role
                ? caller.Arn[..caller.Arn.IndexOf(":assumed-role/", StringComparison.Ordinal)].Replace(":sts:", ":iam:")
                  + ":role/" + role
                : caller.Arn)
            .With("aws:PrincipalAccount", caller.AccountId)
            .With("aws:PrincipalType", caller.Type == Caller.IamUser ? "User" : caller.Type)
            .With("aws:userid", caller.PrincipalId)
            .With("aws:username", caller.Type == Caller.IamUser ? caller.UserName : null)
            .With("aws:SecureTransport", "false");
        if (caller.IsTemporary && caller.SessionIssuedAt is { } issued)
        {
            context.With("aws:TokenIssueTime", Iso(issued));
            context.With("aws:MultiFactorAuthPresent", caller.MfaAuthenticated ? "true" : "false");
        }
        if (request is not null)
        {
            context.With("aws:SourceIp", request.SourceIp);
            context.With("aws:UserAgent", request.UserAgent);
            context.With("aws:RequestedRegion", request.Region);
        }
        return context;
    }

    private static AwsError Denied(Caller caller, AwsOperation operation, string reason) =>
        ProtocolErrors.Denied(
            $"User: {caller.Arn} is not authorized to perform: {operation.IamAction} on resource: {operation.Resource} {reason}");

    private static string Iso(DateTimeOffset d) =>
        d.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
}
