using Shodo.Range.Auth.Policies;
using Shodo.Range.Serving;
using Shodo.Range.State;
using Shodo.Range.State.Organizations;

namespace Shodo.Range.Auth;

/// <summary>
/// The service control policies that bound a member account's principals (its root user included): at each level of
/// the hierarchy (the root, then the account) some attached SCP must allow the action, and an explicit Deny in any of
/// them refuses it. The management account is not affected by SCPs, as on AWS.
/// </summary>
public static class ServiceControlPolicies
{
    /// <summary>Null when SCPs allow the request; else why they refuse it (the end of AWS's AccessDenied message).</summary>
    public static string? Refusal(RangeOrganization? organization, string accountId, RequestContext context)
    {
        if (organization is null || accountId == organization.ManagementAccountId || organization.Account(accountId) is null)
            return null;
        var allowedAtEveryLevel = true;
        foreach (var target in new[] { organization.RootId, accountId })
        {
            var policies = organization.Attachments.GetValueOrDefault(target, [])
                .Select(id => organization.Policies.GetValueOrDefault(id))
                .Where(p => p is { PolicyType: ServiceControlPolicy.Type })
                .Select(p => PolicyDocument.Parse(p!.Content));
            var decision = PolicyEvaluator.Evaluate(policies, context);
            if (decision == PolicyDecision.ExplicitDeny) return "with an explicit deny in a service control policy";
            if (decision != PolicyDecision.Allow) allowedAtEveryLevel = false;
        }
        return allowedAtEveryLevel ? null : $"because no service control policy allows the {context.Action} action";
    }
}
