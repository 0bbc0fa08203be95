using Shodo.Aws.Connection;
using Shodo.Aws.Organizations;
using Shodo.Aws.Organizations.Calls;
using Shodo.Aws.Organizations.Model;
using Shodo.Cases;
using Shodo.Investigation.Model;

namespace Shodo.Response.Accounts;

/// <summary>
/// The accounts a response enters besides its own: those given, the organisation's active accounts when asked, and every
/// account the investigation saw the attacker enter (accounts-reached.json), each once, in that order, never the
/// responder's own account.
/// </summary>
public static class MemberAccountSelection
{
    /// <summary>The accounts, and AWS's refusal of ListAccounts when the organisation was asked for and could not be listed.</summary>
    public static async Task<(IReadOnlyList<MemberAccount> Accounts, Exception? OrganizationUnlisted)> SelectAsync(
        AwsConnection aws, CaseFolder folder, string ownAccount, MemberAccountsRequest request, CancellationToken ct)
    {
        var order = new List<string>();
        var why = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        void Add(string id, string because)
        {
            if (id == ownAccount) return;
            if (!why.TryGetValue(id, out var list)) { why[id] = list = []; order.Add(id); }
            if (!list.Contains(because)) list.Add(because);
        }
        foreach (var id in request.Accounts) Add(id, MemberAccount.Given);
        Exception? unlisted = null;
        if (request.Organization)
        {
            try
            {
                var accounts = await aws.Json(OrganizationsOperations.Service).ListAllAsync(new ListAccounts(), ct).ConfigureAwait(false);
                foreach (var a in accounts.Where(a => a.Status is null or OrganizationAccount.Active)) Add(a.Id, MemberAccount.InOrganization);
            }
            catch (Exception e) when (e is Aws.Errors.AwsServiceError or Diagnostics.ShodoException)
            {
                unlisted = e;
            }
        }
        var reached = InvestigationFiles.ReadAccountsReached(folder).ToDictionary(r => r.AccountId, StringComparer.Ordinal);
        foreach (var r in reached.Values) Add(r.AccountId, MemberAccount.Reached);
        return (order.Select(id => reached.TryGetValue(id, out var r)
            ? MemberAccount.From(r, why[id])
            : new MemberAccount(id, why[id], [], null)).ToList(), unlisted);
    }

    /// <summary>
    /// The accounts the pursuit saw the attacker enter, before the investigation has read everything (entered at once,
    /// <see cref="Steps.MemberAccountsStep.Begin"/>): each once, never the responder's own, given too when it was given.
    /// </summary>
    public static IReadOnlyList<MemberAccount> Reached(string ownAccount, MemberAccountsRequest request, IEnumerable<Investigation.Identities.AccountReached> reached) =>
        reached.Where(r => r.AccountId != ownAccount && r.Via.Count > 0).DistinctBy(r => r.AccountId)
            .Select(r => MemberAccount.From(r, request.Accounts.Contains(r.AccountId) ? [MemberAccount.Given, MemberAccount.Reached] : [MemberAccount.Reached]))
            .ToList();
}
