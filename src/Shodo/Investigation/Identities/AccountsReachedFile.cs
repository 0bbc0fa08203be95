using Shodo.Cases;
using Shodo.Investigation.Model;
using Shodo.Trail.Records;

namespace Shodo.Investigation.Identities;

/// <summary>
/// Writes <c>accounts-reached.json</c> (<see cref="AccountsReached"/>, both sides, the case's account as home) when the attacker
/// entered another account; nothing otherwise.
/// </summary>
public static class AccountsReachedFile
{
    public static async Task WriteAsync(Case @case, IEnumerable<TrailRecord> attackerEvents, CancellationToken ct)
    {
        var reached = AccountsReached.From(attackerEvents, @case.Manifest.AccountId);
        if (reached.Count > 0)
            await InvestigationFiles.WriteAsync(@case, InvestigationFiles.AccountsReached, InvestigationFiles.AccountsReachedFormat, "accounts", reached, ct);
    }
}
