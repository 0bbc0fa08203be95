using System.Collections.Concurrent;
using Shodo.Aws.Connection;
using Shodo.Aws.Errors;
using Shodo.Aws.Organizations;
using Shodo.Aws.Organizations.Calls;
using Shodo.Aws.Organizations.Model;
using Shodo.Aws.Resilience;
using Shodo.Cases;
using Shodo.Investigation.Identities;
using Shodo.Investigation.Model;
using Shodo.Localization;

namespace Shodo.Containment.Planning;

/// <summary>
/// The organisation lever (issue 21): when the case's account is its organisation's management account, each other account
/// the attacker reached becomes an <see cref="TargetKinds.OrganizationAccount"/> target whose planning state names the
/// attacker's principals there — the roles it assumed into the account (accounts-reached.json, or the pursuit's reading of
/// the leaked key's trail before the investigation has written it) and the users and role
/// sessions of that account among its confirmed identities (the destination side) — for <c>deny-by-scp</c>. Asks AWS
/// (DescribeOrganization) only when the attacker reached another account; an account in no organisation, or a member
/// account's case, pulls no lever; an organisation that could not be read is left unread, not assumed absent. Where the
/// role denied is the one Shodo entered the account by, the cut-off spares Shodo's own session there (<see cref="ResponderMemberSessions"/>).
/// </summary>
public static class OrganizationLever
{
    /// <summary>What <see cref="UnreadItem.Scope"/> names when the organisation could not be read.</summary>
    public const string ScopeOrganization = "organizations:organization";

    public static async Task AddAsync(AwsConnection aws, CaseFolder folder, CallerIdentity me, IReadOnlyList<AttackerIdentity> identities,
        TargetSet targets, ConcurrentQueue<UnreadItem> unread, TimeProvider time, CancellationToken ct,
        IReadOnlyList<AccountReached>? accountsReached = null, ResponderMemberSessions? memberSessions = null)
    {
        var reached = Reached(accountsReached ?? InvestigationFiles.ReadAccountsReached(folder), identities, me.Account);
        if (reached.Count == 0) return;
        var (organization, error) = await TransientRetry.TryAsync(() => DescribeAsync(aws, ct), time, ct).ConfigureAwait(false);
        if (error is not null)
        {
            unread.Enqueue(UnreadItem.From(ScopeOrganization, null, error));
            return;
        }
        if (organization is null || organization.ManagementAccountId != me.Account) return;
        foreach (var (account, principals) in reached)
        {
            var g = targets.Add(new ContainmentTarget(TargetKinds.OrganizationAccount, account.AccountId, null), principals.Identity);
            foreach (var arn in principals.Arns) if (!g.Principals.Contains(arn)) g.Principals.Add(arn);
            foreach (var id in principals.Identities) if (!g.Identities.Contains(id)) g.Identities.Add(id);
            g.Because(Messages.Get("OrganizationLeverReason", string.Join(", ", principals.Arns)));
            if (memberSessions is not null) g.IssuedBefore = await SparingAsync(memberSessions, account.AccountId, principals.Arns, ct).ConfigureAwait(false);
        }
    }

    /// <summary>
    /// The cut-off that spares Shodo's own session in the account when the SCP denies the role Shodo entered it by: when AWS
    /// issued that session (waiting while it is being assumed); null when the SCP names no role Shodo holds a session of there.
    /// </summary>
    private static async Task<DateTimeOffset?> SparingAsync(ResponderMemberSessions sessions, string accountId, IEnumerable<string> arns,
        CancellationToken ct)
    {
        DateTimeOffset? cut = null;
        foreach (var role in arns.Where(a => a.Contains(":role/", StringComparison.Ordinal)).Select(a => a[(a.LastIndexOf('/') + 1)..]).Distinct())
            if (await sessions.IssuedAtAsync(accountId, role, ct).ConfigureAwait(false) is { } issued && (cut is null || issued < cut))
                cut = issued;
        return cut;
    }

    private static async Task<OrganizationSummary?> DescribeAsync(AwsConnection aws, CancellationToken ct)
    {
        try { return await aws.Json(OrganizationsOperations.Service).SendAsync(new DescribeOrganization(), ct).ConfigureAwait(false); }
        catch (AwsServiceError e) when (e.Code == OrganizationSummary.NotInUse) { return null; }
    }

    /// <summary>An account reached, and the attacker's principals in it (ARNs), with the identities that show them.</summary>
    public sealed record Principals(List<string> Arns, List<string> Identities)
    {
        public string? Identity => Identities.FirstOrDefault();
    }

    /// <summary>
    /// The accounts other than <paramref name="home"/> the attacker reached, each with its principals there: the roles of
    /// accounts-reached.json, and the attacker's identities whose ARN is in that account (a user, or a role's session).
    /// </summary>
    public static IReadOnlyList<(AccountReached Account, Principals Principals)> Reached(IReadOnlyList<AccountReached> reached,
        IReadOnlyList<AttackerIdentity> identities, string home)
    {
        var byAccount = new SortedDictionary<string, Principals>(StringComparer.Ordinal);
        Principals For(string account) => byAccount.TryGetValue(account, out var p) ? p : byAccount[account] = new Principals([], []);
        void Add(string account, string arn, string? identity)
        {
            var p = For(account);
            if (!p.Arns.Contains(arn)) p.Arns.Add(arn);
            if (identity is not null && !p.Identities.Contains(identity)) p.Identities.Add(identity);
        }
        foreach (var a in reached.Where(a => a.AccountId != home))
            foreach (var via in a.Via)
                Add(a.AccountId, via.RoleArn, via.SessionKey is { } key ? $"session-key:{key}" : null);
        foreach (var i in identities)
            if (PrincipalOf(i.Arn) is { } p && p.Account != home)
                Add(p.Account, p.Arn, i.Id);
        var known = reached.ToDictionary(a => a.AccountId, StringComparer.Ordinal);
        return byAccount.Select(kv => (known.TryGetValue(kv.Key, out var a) ? a : new AccountReached(kv.Key, []), kv.Value)).ToList();
    }

    /// <summary>
    /// The IAM principal an identity's ARN stands for, with its account: a user's ARN as it is, a role session's
    /// (<c>arn:aws:sts::ACCOUNT:assumed-role/ROLE/SESSION</c>) as its role's; null for anything else (root, federated users).
    /// </summary>
    public static (string Account, string Arn)? PrincipalOf(string? arn)
    {
        var parts = arn?.Split(':', 6);
        if (parts is not { Length: 6 } || parts[0] != "arn" || parts[4] is not { Length: 12 } account || !account.All(char.IsAsciiDigit)) return null;
        var partition = parts[1];
        var resource = parts[5];
        if (parts[2] == "iam" && resource.StartsWith("user/", StringComparison.Ordinal)) return (account, arn!);
        if (parts[2] == "iam" && resource.StartsWith("role/", StringComparison.Ordinal)) return (account, arn!);
        if (parts[2] == "sts" && resource.StartsWith("assumed-role/", StringComparison.Ordinal) && resource.Split('/') is { Length: >= 3 } s)
            return (account, $"arn:{partition}:iam::{account}:role/{s[1]}");
        return null;
    }
}
