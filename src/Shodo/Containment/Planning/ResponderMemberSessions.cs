using System.Collections.Concurrent;

namespace Shodo.Containment.Planning;

/// <summary>
/// Shodo's own sessions in the member accounts it is entering or has entered in this response (issue 21): per account, the
/// role it assumed and when AWS issued that session (<see cref="Aws.Connection.AwsConnection.SessionIssuedAt"/>). The
/// management account's organisation lever (<see cref="OrganizationLever"/>) denies the attacker's sessions of a role
/// issued before a cut-off; when that role is the one Shodo entered the member by, the cut-off is Shodo's own session's
/// issue time, as the member's own deny of that role is (<see cref="ResponderSessionCut"/>), so the SCP refuses the
/// attacker's sessions and Shodo's response in the member keeps working. An account is announced before its role is
/// assumed (<see cref="Entering"/>), so a plan made meanwhile waits for the session rather than cutting it.
/// </summary>
public sealed class ResponderMemberSessions
{
    private readonly ConcurrentDictionary<string, TaskCompletionSource<MemberSession?>> _accounts = new(StringComparer.Ordinal);

    /// <summary>Shodo is about to assume a role in each of <paramref name="accountIds"/>.</summary>
    public void Entering(IEnumerable<string> accountIds)
    {
        foreach (var id in accountIds) Slot(id);
    }

    /// <summary>Shodo's session of <paramref name="roleName"/> in <paramref name="accountId"/>, issued (by AWS) at <paramref name="issuedAt"/>.</summary>
    public void Entered(string accountId, string roleName, DateTimeOffset? issuedAt) =>
        Slot(accountId).TrySetResult(new MemberSession(roleName, issuedAt));

    /// <summary>Shodo holds no session in <paramref name="accountId"/> (its role was refused, or the entry failed).</summary>
    public void NotEntered(string accountId) => Slot(accountId).TrySetResult(null);

    /// <summary>
    /// When AWS issued Shodo's own session of <paramref name="roleName"/> in <paramref name="accountId"/>, waiting while the role
    /// is being assumed; null when Shodo holds no session of that role there (or its issue time is not known).
    /// </summary>
    public async Task<DateTimeOffset?> IssuedAtAsync(string accountId, string roleName, CancellationToken ct)
    {
        if (!_accounts.TryGetValue(accountId, out var slot)) return null;
        var session = await slot.Task.WaitAsync(ct).ConfigureAwait(false);
        return session is not null && string.Equals(session.RoleName, roleName, StringComparison.Ordinal) ? session.IssuedAt : null;
    }

    private TaskCompletionSource<MemberSession?> Slot(string accountId) =>
        _accounts.GetOrAdd(accountId, _ => new TaskCompletionSource<MemberSession?>(TaskCreationOptions.RunContinuationsAsynchronously));

    private sealed record MemberSession(string RoleName, DateTimeOffset? IssuedAt);
}
