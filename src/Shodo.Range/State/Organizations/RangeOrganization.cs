using Shodo.Range.State.Iam;

namespace Shodo.Range.State.Organizations;

/// <summary>
/// An AWS Organization of several range accounts (<c>range serve --accounts N</c>): the management account, its
/// members (each a <see cref="RangeState"/> of its own, sharing one lock and one clock), the root, and the service
/// control policies with their attachments. SCPs are enabled and <c>FullAWSAccess</c> is attached to the root and
/// every account, as AWS does when the policy type is enabled. Used under <see cref="RangeState.Sync"/>.
/// </summary>
public sealed class RangeOrganization
{
    public const string AccessRoleName = "OrganizationAccountAccessRole";

    private readonly List<OrganizationAccount> _accounts = [];

    private RangeOrganization(RangeState management, string id, string rootId)
    {
        Management = management;
        Id = id;
        RootId = rootId;
    }

    /// <summary>o- and 10 characters, as AWS names organisations.</summary>
    public string Id { get; private set; }
    /// <summary>r- and 4 characters.</summary>
    public string RootId { get; private set; }
    public RangeState Management { get; }
    public string ManagementAccountId => Management.AccountId;
    public string Arn => $"arn:aws:organizations::{ManagementAccountId}:organization/{Id}";
    public string RootArn => $"arn:aws:organizations::{ManagementAccountId}:root/{Id}/{RootId}";

    /// <summary>Every account, the management account first.</summary>
    public IReadOnlyList<OrganizationAccount> Accounts => _accounts;
    public Dictionary<string, ServiceControlPolicy> Policies { get; } = new(StringComparer.Ordinal);
    /// <summary>Policy ids attached to each target (the root id or an account id), in attachment order.</summary>
    public Dictionary<string, List<string>> Attachments { get; } = new(StringComparer.Ordinal);

    public OrganizationAccount? Account(string accountId) => _accounts.FirstOrDefault(a => a.Id == accountId);

    /// <summary>The account whose IAM holds this access key (a user's, the root user's, or a session's), or null.</summary>
    public RangeState? AccountOfKey(string accessKeyId)
    {
        lock (Management.Sync)
            return _accounts.Select(a => a.State).FirstOrDefault(s =>
                s.Iam.AccessKeys.ContainsKey(accessKeyId) || s.Iam.Sessions.ContainsKey(accessKeyId)
                || s.Iam.RootAccessKeys.Any(k => k.AccessKeyId == accessKeyId));
    }

    public string AccountArn(string accountId) => $"arn:aws:organizations::{ManagementAccountId}:account/{Id}/{accountId}";

    /// <summary>
    /// Makes <paramref name="management"/> the management account of a new organisation with
    /// <paramref name="members"/> member accounts (ids derived from the management account's, so runs agree), each
    /// with <see cref="AccessRoleName"/> trusting the management account, as accounts created by Organizations have it.
    /// </summary>
    public static RangeOrganization Create(RangeState management, int members)
    {
        const string lower = "abcdefghijklmnopqrstuvwxyz0123456789";
        var org = new RangeOrganization(management, "o-" + IamIds.Random(lower, 10), "r-" + IamIds.Random(lower, 4));
        // The organisation and its accounts predate any history a scenario plays.
        var joined = management.Clock.Now - TimeSpan.FromDays(365);
        lock (management.Sync)
        {
            var full = ServiceControlPolicy.FullAwsAccess();
            org.Policies[full.Id] = full;
            org.Attachments[org.RootId] = [full.Id];
            org.Join(management, "management", joined);
            for (var i = 1; i <= members; i++)
            {
                var state = new RangeState(MemberId(management.AccountId, i), management.Clock, management.Partition, management.Sync)
                {
                    EventDelay = management.EventDelay,
                };
                state.IamPropagation.Delay = management.IamPropagation.Delay;
                SeedAccessRole(state, management.AccountId, joined);
                org.Join(state, $"member-{i}", joined);
            }
        }
        return org;
    }

    /// <summary>
    /// The organisation a state file saved (<see cref="OrganizationsStatePart"/>): its ids, policies and attachments
    /// replace this one's. Every target must be the saved root or an account of this organisation.
    /// </summary>
    internal void Restore(string id, string rootId, IEnumerable<ServiceControlPolicy> policies, IReadOnlyDictionary<string, List<string>> attachments)
    {
        var saved = policies.ToDictionary(p => p.Id, StringComparer.Ordinal);
        foreach (var (target, ids) in attachments)
        {
            if (target != rootId && Account(target) is null)
                throw new InvalidDataException($"The state file attaches policies to {target}, which is not an account of this organisation.");
            if (ids.FirstOrDefault(p => !saved.ContainsKey(p)) is { } unknown)
                throw new InvalidDataException($"The state file attaches policy {unknown}, which it does not hold.");
        }
        Id = id;
        RootId = rootId;
        Policies.Clear();
        foreach (var (policyId, policy) in saved) Policies[policyId] = policy;
        Attachments.Clear();
        foreach (var (target, ids) in attachments) Attachments[target] = [.. ids];
    }

    private void Join(RangeState state, string name, DateTimeOffset at)
    {
        state.Organization = this;
        _accounts.Add(new OrganizationAccount(state, name, $"{name}@example.com", at));
        Attachments[state.AccountId] = [ServiceControlPolicy.FullAwsAccessId];
    }

    /// <summary>The i-th member's account id: the management account's plus i × 100000000001, modulo 10^12.</summary>
    public static string MemberId(string managementAccountId, int i) =>
        ((ulong.Parse(managementAccountId, System.Globalization.CultureInfo.InvariantCulture) + (ulong)i * 100_000_000_001UL)
         % 1_000_000_000_000UL).ToString("D12", System.Globalization.CultureInfo.InvariantCulture);

    private static void SeedAccessRole(RangeState state, string managementAccountId, DateTimeOffset created)
    {
        state.Iam.Roles[AccessRoleName] = new IamRole
        {
            RoleName = AccessRoleName, RoleId = IamIds.RoleId(), Arn = state.IamArn("role", "/", AccessRoleName),
            CreateDate = created,
            AssumeRolePolicyDocument =
                $$"""{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"AWS":"arn:aws:iam::{{managementAccountId}}:root"},"Action":"sts:AssumeRole"}]}""",
            AttachedPolicyArns = [AwsManagedPolicies.AdministratorAccessArn],
        };
    }
}
