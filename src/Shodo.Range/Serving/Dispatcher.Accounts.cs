namespace Shodo.Range.Serving;

public sealed partial class Dispatcher
{
    private IReadOnlyDictionary<string, Dispatcher>? _accounts;

    /// <summary>The state of the account this dispatcher serves.</summary>
    public State.RangeState State => state;

    /// <summary>
    /// Serves an organisation's accounts: a request signed with another account's key (a member's user, a session of a
    /// member's role) is served by that account's dispatcher, so its services see that account as <c>call.State</c>.
    /// </summary>
    public void ServeAccounts(IReadOnlyDictionary<string, Dispatcher> byAccountId) => _accounts = byAccountId;

    /// <summary>The dispatcher of the other account that holds <paramref name="accessKeyId"/>, or null when it is this one's (or unknown).</summary>
    private Dispatcher? Elsewhere(string? accessKeyId)
    {
        if (accessKeyId is null || _accounts is null || state.Organization?.AccountOfKey(accessKeyId) is not { } owner) return null;
        return _accounts.GetValueOrDefault(owner.AccountId) is { } other && !ReferenceEquals(other, this) ? other : null;
    }
}
