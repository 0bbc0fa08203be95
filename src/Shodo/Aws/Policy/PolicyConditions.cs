using System.Text.Json.Nodes;

namespace Shodo.Aws.Policy;

/// <summary>
/// Who is asking, as far as a statement's Condition can be decided from what was collected: the caller's account (null: any
/// account, "everyone"), the account that owns the resource, and that account's organisation (null: not known).
/// </summary>
public sealed record PolicyCaller(string? Account, string? OwnAccount = null, string? OwnOrganization = null);

/// <summary>What a statement's Condition says for a caller: it holds, it leaves the caller out, or it holds only under conditions that cannot be decided.</summary>
public sealed record ConditionVerdict(bool Excluded, IReadOnlyList<string> Undecided)
{
    public static readonly ConditionVerdict Holds = new(false, []);
    public static readonly ConditionVerdict Out = new(true, []);

    public bool Holding => !Excluded && Undecided.Count == 0;
}

/// <summary>
/// A statement's Condition weighed for one caller, the way a responder reads it: keys that do not restrict who may ask
/// (aws:SecureTransport, kms:ViaService, kms:GrantIsForAWSResource: the outside account restoring a shared copy goes
/// through the service) hold; keys naming the caller's account (kms:CallerAccount, aws:PrincipalAccount) hold or leave the
/// caller out when its account is known; aws:PrincipalOrgID holds or leaves out a caller of the owner's own account when the
/// organisation is known (empty: the account is in none), and held to the owner's own organisation lets in no one outside it
/// ("everyone" is not let in; a named outside account's membership is not collected, so that stays named); aws:SourceAccount and aws:SourceArn are never in a principal's own request, so a String/Arn
/// equality on them leaves every principal out. Anything else (aws:SourceIp, aws:SourceVpce, aws:SourceVpc, tags, times,
/// an operator not read here) is named: the grant holds only under it. Each condition is said as <c>key operator values</c>.
/// </summary>
public static class PolicyConditions
{
    private static readonly HashSet<string> NotRestrictingWho = new(StringComparer.OrdinalIgnoreCase)
    {
        "aws:SecureTransport", "kms:ViaService", "kms:GrantIsForAWSResource",
    };

    private static readonly HashSet<string> CallerAccountKeys = new(StringComparer.OrdinalIgnoreCase) { "kms:CallerAccount", "aws:PrincipalAccount" };

    private static readonly HashSet<string> ServiceOnlyKeys = new(StringComparer.OrdinalIgnoreCase) { "aws:SourceAccount", "aws:SourceArn" };

    public static ConditionVerdict Of(JsonObject statement, PolicyCaller caller)
    {
        if (statement["Condition"] is not JsonObject condition) return ConditionVerdict.Holds;
        var undecided = new List<string>();
        foreach (var (op, block) in condition)
        {
            if (block is not JsonObject keys) { undecided.Add(op); continue; }
            foreach (var (key, value) in keys)
            {
                var values = PolicyGrant.Strings(value).ToList();
                switch (One(op, key, values, caller))
                {
                    case false: return ConditionVerdict.Out;
                    case null: undecided.Add($"{key} {op} {string.Join(", ", values)}"); break;
                }
            }
        }
        return undecided.Count == 0 ? ConditionVerdict.Holds : new ConditionVerdict(false, undecided);
    }

    /// <summary>true: holds for the caller; false: leaves it out; null: cannot be decided from what was collected.</summary>
    private static bool? One(string op, string key, IReadOnlyList<string> values, PolicyCaller caller)
    {
        if (NotRestrictingWho.Contains(key)) return true;
        var bare = Bare(op, out var ifExists);
        var equal = bare is "StringEquals" or "StringEqualsIgnoreCase" or "StringLike" or "ArnEquals" or "ArnLike";
        var notEqual = bare is "StringNotEquals" or "StringNotEqualsIgnoreCase" or "StringNotLike" or "ArnNotEquals" or "ArnNotLike";
        if (ServiceOnlyKeys.Contains(key) && equal && !ifExists) return false;
        string? actual = null;
        if (CallerAccountKeys.Contains(key)) actual = caller.Account;
        else if (string.Equals(key, "aws:PrincipalOrgID", StringComparison.OrdinalIgnoreCase))
            actual = caller.Account is { } account && account == caller.OwnAccount ? caller.OwnOrganization : null;
        else return null;
        if (!equal && !notEqual) return null;
        if (actual is null)
        {
            // Any account: a grant held to the owner's own account, or to its own organisation, lets no one outside it in.
            if (equal && CallerAccountKeys.Contains(key) && caller.OwnAccount is { } own && values.All(v => v == own)) return false;
            if (equal && !ifExists && caller.Account is null && caller.OwnOrganization is { Length: > 0 } org
                && string.Equals(key, "aws:PrincipalOrgID", StringComparison.OrdinalIgnoreCase) && values.All(v => v == org)) return false;
            return null;
        }
        var matches = values.Any(v => PolicyWildcard.Matches(v, actual, ignoreCase: bare.Contains("IgnoreCase", StringComparison.Ordinal)));
        return equal ? matches : !matches;
    }

    private static string Bare(string op, out bool ifExists)
    {
        var bare = op;
        var colon = bare.IndexOf(':');
        if (colon >= 0) bare = bare[(colon + 1)..]; // ForAnyValue:/ForAllValues: on a single-valued key read as the plain operator
        ifExists = bare.EndsWith("IfExists", StringComparison.Ordinal);
        return ifExists ? bare[..^"IfExists".Length] : bare;
    }
}
