namespace Shodo.Cases.Accounts;

/// <summary>The journal kinds the parent case writes around each member account (the member's own steps are in its sub-case).</summary>
public static class MemberAccountJournalKinds
{
    /// <summary>Who writes accounts.json.</summary>
    public const string Producer = "accounts";

    /// <summary>{accountId, roleArn, why[], case: relative folder of its sub-case}</summary>
    public const string Entered = "account.entered";
    /// <summary>{accountId, roleArn, why[], code, message}: AWS refused the role (a named gap, escalated).</summary>
    public const string NotEntered = "account.not-entered";
    /// <summary>{accountId, case, outcome, contained, journal: {seq, hash}}: its sub-case's journal head, anchored in this chain.</summary>
    public const string Responded = "account.responded";
    /// <summary>{accountId, case, added, contained, journal: {seq, hash}}: a look of the watch changed something there; its new head, anchored.</summary>
    public const string Watched = "account.watched";
}
