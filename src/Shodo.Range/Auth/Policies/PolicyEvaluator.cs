namespace Shodo.Range.Auth.Policies;

/// <summary>The outcome of evaluating a set of policies for one request.</summary>
public enum PolicyDecision { ImplicitDeny, Allow, ExplicitDeny }

/// <summary>
/// IAM's evaluation logic for identity-based policies: an explicit Deny in any statement wins, then
/// any Allow, else the default (implicit) deny. Actions match without regard to case, resources
/// with regard to it; Action/NotAction, Resource/NotResource and conditions as IAM documents.
/// </summary>
public static class PolicyEvaluator
{
    public static PolicyDecision Evaluate(IEnumerable<PolicyDocument> policies, RequestContext context)
    {
        var allowed = false;
        foreach (var policy in policies)
            foreach (var statement in policy.Statements)
            {
                if (!Applies(statement, context)) continue;
                if (!statement.IsAllow) return PolicyDecision.ExplicitDeny;
                allowed = true;
            }
        return allowed ? PolicyDecision.Allow : PolicyDecision.ImplicitDeny;
    }

    public static bool Applies(PolicyStatement statement, RequestContext context)
    {
        if (statement.Actions is { } actions && !actions.Any(a => ActionMatches(a, context.Action))) return false;
        if (statement.NotActions is { } notActions && notActions.Any(a => ActionMatches(a, context.Action))) return false;
        if (statement.Resources is { } resources && !resources.Any(r => Wildcard.Matches(r, context.Resource, false)))
            return false;
        if (statement.NotResources is { } notResources && notResources.Any(r => Wildcard.Matches(r, context.Resource, false)))
            return false;
        return statement.Conditions.All(c => ConditionOperators.Holds(c, context));
    }

    private static bool ActionMatches(string pattern, string action) => Wildcard.Matches(pattern, action, ignoreCase: true);
}
