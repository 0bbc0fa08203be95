using Shodo.Trail.Records;

namespace Shodo.Investigation.Identities;

/// <summary>
/// The other AWS accounts the attacker entered from the account investigated (issue 21, "follow the pivot"): every
/// successful AssumeRole among the attacker's events whose role ARN is in another account than the event's caller, grouped
/// by that account, each with how it was reached (the role, the session name, the key that assumed it, the session key it
/// got, when, from where, the event). Only the source side: what the attacker did there is in that account's own events.
/// </summary>
public static class AccountsReached
{
    public static IReadOnlyList<AccountReached> From(IEnumerable<TrailRecord> attackerEvents) => attackerEvents
        .Where(e => !e.Failed && e.EventName == "AssumeRole")
        .Select(e => (Event: e, RoleArn: TrailRecordJson.Path(e.Raw, "requestParameters", "roleArn")))
        .Select(x => (x.Event, x.RoleArn, Account: AccountOf(x.RoleArn)))
        .Where(x => x.Account is not null && x.Event.AccountId is not null && x.Account != x.Event.AccountId)
        .GroupBy(x => x.Account!, StringComparer.Ordinal)
        .OrderBy(g => g.Min(x => x.Event.EventTime))
        .Select(g => new AccountReached(g.Key, g.OrderBy(x => x.Event.EventTime).Select(x => new AccountPivot(
            x.RoleArn!, TrailRecordJson.Path(x.Event.Raw, "requestParameters", "roleSessionName"), x.Event.AccessKeyId, x.Event.PrincipalArn,
            TrailRecordJson.Path(x.Event.Raw, "responseElements", "credentials", "accessKeyId"), x.Event.EventTime, x.Event.SourceIp,
            x.Event.EventId)).ToList()))
        .ToList();

    /// <summary>The account of an IAM role ARN (arn:aws:iam::ACCOUNT:role/...), or null.</summary>
    public static string? AccountOf(string? roleArn)
    {
        var parts = roleArn?.Split(':');
        return parts is { Length: >= 6 } && parts[4] is { Length: 12 } account && account.All(char.IsAsciiDigit) ? account : null;
    }
}

/// <summary>An account the attacker entered, and each way it did.</summary>
public sealed record AccountReached(string AccountId, IReadOnlyList<AccountPivot> Via);

/// <summary>One cross-account AssumeRole: the role, the session name, who assumed it (key, ARN), the session key returned, when, from where.</summary>
public sealed record AccountPivot(string RoleArn, string? SessionName, string? AssumedWithKey, string? AssumedBy, string? SessionKey,
    DateTimeOffset Time, string? SourceIp, string EventId);
