using Shodo.Range.State;

namespace Shodo.Range.Scenarios;

/// <summary>
/// A scenario's ground truth across an organisation: the attacker's calls are split by the account they acted in
/// (the caller's account: a session of a member's role acts in that member), the leaked account's truth resolved from
/// its own calls, and each reached account's (<c>groundTruth.accounts</c>) from that account's state and calls.
/// </summary>
public static class OrganizationTruth
{
    public static GroundTruth Resolve(RangeState state, ScenarioFile file, ScenarioPlayer player,
        IReadOnlyDictionary<string, RangeCredentials> credentials)
    {
        List<CallRecord> In(string accountId) => player.AttackerCalls.Where(c => (c.Caller?.AccountId ?? state.AccountId) == accountId).ToList();
        var truth = new GroundTruthResolver(state, file, player.Saved, credentials).Resolve(In(state.AccountId));
        var accounts = (file.GroundTruth?.Accounts ?? []).Select(spec =>
        {
            var account = state.Organization?.Account(spec.Id)?.State
                          ?? throw new ScenarioException($"Ground truth names account {spec.Id}, which is not in the organisation");
            var found = new GroundTruthResolver(account, file, player.Saved, credentials).Resolve(In(spec.Id), spec.Found, leakedHere: false);
            return new GroundTruthAccount(spec.Id, spec.ReachedBy, found);
        }).ToList();
        return truth with { Accounts = accounts };
    }
}
