using System.Text.Json.Nodes;
using Shodo.Aws.S3;

namespace Shodo.Aws.Policy;

/// <summary>What one policy document says about an action on a family of resources.</summary>
public enum Grant { None, Allow, Deny }

/// <summary>A resource policy's answer for one caller, and — when it lets the caller in only under conditions not decided — each such condition set.</summary>
public sealed record ConditionedGrant(Grant Grant, IReadOnlyList<string> OnlyUnder)
{
    public bool Conditional => Grant == Grant.None && OnlyUnder.Count > 0;
}

/// <summary>
/// Reads one IAM policy document (identity-based, a permissions boundary, or a resource policy) for an action on every
/// resource under a prefix (a bucket's objects), the cautious way for an incident: an Allow counts when it names some of
/// them, whatever its conditions (the attacker could meet them); a Deny counts only when it names all of them and has no
/// condition (one that may not hold shuts no one out for certain). Action/NotAction and Resource/NotResource as IAM reads
/// them (actions without regard to case); ARNs compared in the commercial partition.
/// </summary>
public static class PolicyGrant
{
    /// <summary>
    /// The document's answer, or null when it does not parse. With <paramref name="principal"/> (a resource policy), only
    /// statements whose Principal it accepts count; a Deny with NotPrincipal never counts.
    /// </summary>
    public static Grant? Of(string? document, string action, string resourcePrefix, Func<JsonNode?, bool>? principal = null)
    {
        if (BucketPolicyGrants.Parse(document) is not { } policy) return null;
        var prefix = AwsPartition.InCommercial(resourcePrefix);
        var allowed = false;
        foreach (var s in BucketPolicyGrants.Statements(policy))
        {
            var allow = (string?)s["Effect"] == "Allow";
            if (!allow && (string?)s["Effect"] != "Deny") continue;
            if (!ActionApplies(s, action)) continue;
            if (principal is not null && !(s["Principal"] is { } p ? principal(p) : allow && s["NotPrincipal"] is not null)) continue;
            if (allow)
            {
                allowed |= ReachesSome(s, prefix);
                continue;
            }
            if (s["Condition"] is null && ReachesAll(s, prefix)) return Grant.Deny;
        }
        return allowed ? Grant.Allow : Grant.None;
    }

    /// <summary>
    /// As <see cref="Of"/> for a resource policy, with each Allow's Condition weighed for <paramref name="caller"/>
    /// (<see cref="PolicyConditions"/>): Allow when one statement holds outright, Deny as <see cref="Of"/> says it, else None —
    /// with the conditions under which a statement would let the caller in when none holds and some cannot be decided.
    /// Null when the document does not parse.
    /// </summary>
    public static ConditionedGrant? Under(string? document, string action, string resourcePrefix, Func<JsonNode, bool> principal, PolicyCaller caller)
    {
        var grant = Of(document, action, resourcePrefix, p => p is not null && principal(p));
        if (grant is null) return null;
        if (grant != Grant.Allow) return new ConditionedGrant(grant.Value, []);
        var prefix = AwsPartition.InCommercial(resourcePrefix);
        var undecided = new List<string>();
        foreach (var s in BucketPolicyGrants.Statements(BucketPolicyGrants.Parse(document)))
        {
            if ((string?)s["Effect"] != "Allow" || !ActionApplies(s, action) || !ReachesSome(s, prefix)) continue;
            if (!(s["Principal"] is { } p ? principal(p) : s["NotPrincipal"] is not null)) continue;
            var verdict = PolicyConditions.Of(s, caller);
            if (verdict.Holding) return new ConditionedGrant(Grant.Allow, []);
            if (!verdict.Excluded) undecided.Add(string.Join(" and ", verdict.Undecided));
        }
        return new ConditionedGrant(Grant.None, undecided.Distinct(StringComparer.Ordinal).ToList());
    }

    /// <summary>Whether a statement's Action (or NotAction) covers the action.</summary>
    public static bool ActionApplies(JsonObject s, string action)
    {
        if (s["Action"] is { } actions) return Strings(actions).Any(a => PolicyWildcard.Matches(a, action, ignoreCase: true));
        if (s["NotAction"] is { } notActions) return !Strings(notActions).Any(a => PolicyWildcard.Matches(a, action, ignoreCase: true));
        return false;
    }

    private static bool ReachesSome(JsonObject s, string prefix)
    {
        if (s["Resource"] is { } resources) return Resources(resources).Any(r => PolicyWildcard.NamesSomeUnder(r, prefix));
        if (s["NotResource"] is { } notResources) return !Resources(notResources).Any(r => PolicyWildcard.NamesAllUnder(r, prefix));
        return true;
    }

    private static bool ReachesAll(JsonObject s, string prefix)
    {
        if (s["Resource"] is { } resources) return Resources(resources).Any(r => PolicyWildcard.NamesAllUnder(r, prefix));
        if (s["NotResource"] is { } notResources) return !Resources(notResources).Any(r => PolicyWildcard.NamesSomeUnder(r, prefix));
        return true;
    }

    private static IEnumerable<string> Resources(JsonNode node) => Strings(node).Select(AwsPartition.InCommercial);

    public static IEnumerable<string> Strings(JsonNode? node) => node switch
    {
        JsonArray a => a.OfType<JsonValue>().Select(v => v.ToString()),
        JsonValue v => [v.ToString()],
        _ => [],
    };
}
