using Shodo.Range.Auth;
using Shodo.Range.Auth.Policies;
using Shodo.Range.Serving;
using Shodo.Range.State.Kms;

namespace Shodo.Range.Services.Kms;

/// <summary>
/// The key policy's part in authorizing a call on a key (the caller's IAM policies have already allowed it in the caller's
/// account, or the call would not have reached the handler). As KMS evaluates it: an explicit Deny naming the caller, its
/// account or everyone refuses; otherwise some Allow must name the caller itself (its user or role ARN), its account
/// (<c>arn:aws:iam::ACCOUNT:root</c> or the bare id: the delegation to IAM, which has allowed it) or everyone (<c>*</c>).
/// So a caller of the key's own account is refused only when the policy lacks the root delegation and names neither it
/// nor everyone, and a caller of another account needs the key policy to name its account or itself, and its own IAM
/// policy. A statement applies only when its Condition holds, evaluated by IAM's condition operators
/// (<see cref="ConditionOperators"/>) against the request's global keys and <see cref="KeyPolicyContext"/>'s KMS keys; a
/// condition key the range does not set is missing, as IAM treats any absent key. AccessDeniedException as KMS words it.
/// </summary>
internal static class KeyPolicyAuthorization
{
    public static void Authorize(AwsCall call, KmsKey key)
    {
        var context = KeyPolicyContext.For(call, key);
        var applying = Statements(key.Policy).Where(s => Names(s, call) && PolicyEvaluator.Applies(s, context)).ToList();
        if (applying.Any(s => !s.IsAllow))
            throw Denied(call, key, context.Action, "with an explicit deny in a resource-based policy");
        if (!applying.Any(s => s.IsAllow))
            throw Denied(call, key, context.Action, $"because no resource-based policy allows the {context.Action} action");
    }

    private static AwsError Denied(AwsCall call, KmsKey key, string action, string why) =>
        new("AccessDeniedException", $"User: {call.Caller.Arn} is not authorized to perform: {action} on resource: {key.Arn} {why}");

    /// <summary>The policy's statements; a document KMS accepted but IAM's parser cannot read grants and denies nothing.</summary>
    private static IReadOnlyList<PolicyStatement> Statements(string policy)
    {
        try { return PolicyDocument.Parse(policy).Statements; }
        catch (MalformedPolicyException) { return []; }
    }

    private static bool Names(PolicyStatement statement, AwsCall call)
    {
        if (statement.Principal is not { } principal) return false;
        if (principal.Everyone) return true;
        var named = principal.Values.GetValueOrDefault("AWS") ?? [];
        var caller = call.Caller;
        var root = $"arn:{call.Request.Partition}:iam::{caller.AccountId}:root";
        // The role behind a session, by its ARN (with its path) in the caller's own account.
        var role = caller.RoleName is { } name ? call.State.Iam.Role(name)?.Arn : null;
        return named.Any(p => p == "*" || p == root || p == caller.AccountId || p == caller.Arn || p == role);
    }
}
