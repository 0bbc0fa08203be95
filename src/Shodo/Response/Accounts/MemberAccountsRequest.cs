namespace Shodo.Response.Accounts;

/// <summary>
/// Which other accounts of the organisation a response enters, and as whom (issue 21, "respond in each account"):
/// the accounts given (<c>--accounts</c>), every account of the organisation (<c>--organization</c>, from the management
/// account's organizations:ListAccounts), and always the accounts the investigation saw the attacker enter
/// (accounts-reached.json) — each through the role <see cref="RoleName"/> in it.
/// </summary>
public sealed record MemberAccountsRequest
{
    /// <summary>The responder role Shodo's documentation asks for in each member account (docs/organizations.md).</summary>
    public const string DefaultRoleName = "ShodoResponder";

    /// <summary>Account ids given (<c>--accounts ID,ID…</c>).</summary>
    public IReadOnlyList<string> Accounts { get; init; } = [];

    /// <summary>Every active account of the organisation (<c>--organization</c>).</summary>
    public bool Organization { get; init; }

    /// <summary>The role assumed in each account (<c>--member-role-name</c>); <c>OrganizationAccountAccessRole</c> is accepted.</summary>
    public string RoleName { get; init; } = DefaultRoleName;

    /// <summary>How many accounts are entered at once.</summary>
    public int AtOnce { get; init; } = 8;

    /// <summary>
    /// A member account's own response: it enters no other account, not even one the attacker reached from it (the
    /// responder's account enters the accounts its pursuit and investigation name).
    /// </summary>
    public bool OnlyThisAccount { get; init; }
}
