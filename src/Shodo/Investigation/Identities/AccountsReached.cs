using System.Globalization;
using System.Text.Json;
using Shodo.Trail.Records;

namespace Shodo.Investigation.Identities;

/// <summary>
/// The other AWS accounts the attacker entered from the account investigated (issue 21, "follow the pivot"): every
/// successful AssumeRole among the attacker's events whose role ARN is in another account than the event's caller, grouped
/// by that account, each with how it was reached (the role, the session name, the key that assumed it, the session key it
/// got, when, from where, the event) — the source side. And the destination side, when the events read hold another
/// account's records (an organisation trail, that account's own events): the attacker's records made with a session of a
/// role (<c>userIdentity</c> of type <c>AssumedRole</c>) whose session issuer is in another account than
/// <paramref name="homeAccount"/>, each session once, named by the role it is a session of, its key and name, and when it was
/// issued (<c>sessionContext.attributes.creationDate</c>). A session both sides show is listed once, as the source side
/// names it.
/// </summary>
public static class AccountsReached
{
    public static IReadOnlyList<AccountReached> From(IEnumerable<TrailRecord> attackerEvents, string? homeAccount = null)
    {
        var events = attackerEvents.ToList();
        var source = events
            .Where(e => !e.Failed && e.EventName == "AssumeRole")
            .Select(e => (Event: e, RoleArn: TrailRecordJson.Path(e.Raw, "requestParameters", "roleArn")))
            .Select(x => (x.Event, x.RoleArn, Account: AccountOf(x.RoleArn)))
            .Where(x => x.Account is not null && x.Event.AccountId is not null && x.Account != x.Event.AccountId)
            .Select(x => (Account: x.Account!, Pivot: new AccountPivot(
                x.RoleArn!, TrailRecordJson.Path(x.Event.Raw, "requestParameters", "roleSessionName"), x.Event.AccessKeyId, x.Event.PrincipalArn,
                TrailRecordJson.Path(x.Event.Raw, "responseElements", "credentials", "accessKeyId"), x.Event.EventTime, x.Event.SourceIp,
                x.Event.EventId)))
            .ToList();
        var known = source.Select(x => x.Pivot.SessionKey).OfType<string>().ToHashSet(StringComparer.Ordinal);
        var destination = homeAccount is null ? [] : Destination(events, homeAccount, known);
        return source.Concat(destination)
            .GroupBy(x => x.Account, StringComparer.Ordinal)
            .OrderBy(g => g.Min(x => x.Pivot.Time))
            .Select(g => new AccountReached(g.Key, g.Select(x => x.Pivot).OrderBy(p => p.Time).ToList()))
            .ToList();
    }

    /// <summary>The attacker's role sessions of another account seen acting there, one pivot per session key not already known.</summary>
    private static IEnumerable<(string Account, AccountPivot Pivot)> Destination(List<TrailRecord> events, string home, HashSet<string> known) => events
        .Where(e => e.IdentityType == "AssumedRole" && e.AccessKeyId is { Length: > 0 } && !known.Contains(e.AccessKeyId))
        .Select(e => (Event: e, Issuer: TrailRecordJson.Path(e.Raw, "userIdentity", "sessionContext", "sessionIssuer", "arn")))
        .Select(x => (x.Event, x.Issuer, Account: TrailRecordJson.Path(x.Event.Raw, "userIdentity", "sessionContext", "sessionIssuer", "accountId")
                                                  ?? AccountOf(x.Issuer)))
        .Where(x => x.Issuer is not null && x.Account is { Length: 12 } && x.Account != home)
        .GroupBy(x => x.Event.AccessKeyId!, StringComparer.Ordinal)
        .Select(g =>
        {
            var first = g.MinBy(x => x.Event.EventTime);
            var issued = TrailRecordJson.Path(first.Event.Raw, "userIdentity", "sessionContext", "attributes", "creationDate");
            var time = DateTimeOffset.TryParse(issued, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var t) ? t : first.Event.EventTime;
            return (first.Account!, new AccountPivot(first.Issuer!, SessionNameOf(first.Event.PrincipalArn), null, null, g.Key, time,
                first.Event.SourceIp, first.Event.EventId) { SeenIn = AccountPivot.Destination });
        });

    /// <summary>The session name of a role session's ARN (arn:aws:sts::ACCOUNT:assumed-role/ROLE/SESSION), or null.</summary>
    private static string? SessionNameOf(string? arn)
    {
        var resource = arn?.Split(':', 6) is { Length: 6 } parts ? parts[5] : null;
        return resource?.StartsWith("assumed-role/", StringComparison.Ordinal) == true && resource.Split('/', 3) is { Length: 3 } s ? s[2] : null;
    }

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
    DateTimeOffset Time, string? SourceIp, string EventId)
{
    public const string Source = "source", Destination = "destination";

    /// <summary>
    /// Where the pivot was seen: <see cref="Source"/>, the AssumeRole among the attacker's events in the account it came from;
    /// <see cref="Destination"/>, the session's own records in the account it entered (then <see cref="Time"/> is when the
    /// session was issued, and who assumed it is not known from them).
    /// </summary>
    public string SeenIn { get; init; } = Source;
}
