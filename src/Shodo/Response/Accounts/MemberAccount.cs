namespace Shodo.Response.Accounts;

/// <summary>
/// One account to enter: why (given, in the organisation, or reached by the attacker) and, when the attacker entered it,
/// the session keys it got there (the member response starts from the first; the others are its to follow).
/// </summary>
public sealed record MemberAccount(string AccountId, IReadOnlyList<string> Why, IReadOnlyList<string> SessionKeys, string? ReachedBy)
{
    public const string Given = "given";
    public const string InOrganization = "organization";
    public const string Reached = "reached";

    /// <summary>Where its response starts: the attacker's first session key there, or nothing (then it records and triages).</summary>
    public string? StartingKey => SessionKeys.Count > 0 ? SessionKeys[0] : null;

    /// <summary>An account the attacker entered: its session keys there, in the order it got them, and the role it first assumed.</summary>
    public static MemberAccount From(Investigation.Identities.AccountReached reached, IReadOnlyList<string> why) =>
        new(reached.AccountId, why, reached.Via.Select(v => v.SessionKey).OfType<string>().Distinct().ToList(), reached.Via[0].RoleArn);
}
