using Shodo.Range.Auth;
using Shodo.Range.Auth.Policies;
using Shodo.Range.Serving;
using Shodo.Range.State.Kms;

namespace Shodo.Range.Services.Kms;

/// <summary>
/// The request context a key policy's conditions are evaluated against: the global keys IAM sets for the caller
/// (<see cref="Authorizer.ContextFor"/>: aws:PrincipalArn, aws:PrincipalAccount, aws:SourceIp, ...), the key's ARN as the
/// resource, and the keys KMS adds (the KMS developer guide, "AWS KMS condition keys"):
/// <list type="bullet">
/// <item><c>kms:CallerAccount</c>: the caller's account.</item>
/// <item><c>aws:PrincipalOrgID</c>: the organisation of the caller's account, when it is in one the range serves.</item>
/// <item><c>kms:ViaService</c>: the service endpoint (<c>ec2.REGION.amazonaws.com</c>) of an AWS service using the key on the
/// caller's behalf; absent for a principal calling KMS itself, as every call the range serves today is (no service of the
/// range calls KMS on a caller's behalf yet), so a statement held to it never applies to a direct call.</item>
/// <item><c>kms:GrantIsForAWSResource</c>: for CreateGrant, ListGrants and RevokeGrant, true when such a service sends the
/// call, false when the principal does.</item>
/// </list>
/// </summary>
internal static class KeyPolicyContext
{
    private static readonly HashSet<string> GrantOperations = new(StringComparer.Ordinal) { "CreateGrant", "ListGrants", "RevokeGrant" };

    public static RequestContext For(AwsCall call, KmsKey key, string? viaService = null)
    {
        var context = Authorizer.ContextFor(call.Caller, call.Operation with { Resource = key.Arn }, call.Now, call.Request)
            .With("kms:CallerAccount", call.Caller.AccountId)
            .With("kms:ViaService", viaService is null ? null : $"{viaService}.{call.Region}.amazonaws.com");
        if (call.State.Organization is { } organization && organization.Account(call.Caller.AccountId) is not null)
            context.With("aws:PrincipalOrgID", organization.Id);
        if (GrantOperations.Contains(call.Operation.Name))
            context.With("kms:GrantIsForAWSResource", viaService is null ? "false" : "true");
        return context;
    }
}
