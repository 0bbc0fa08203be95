namespace Shodo.Range.State.Iam;

/// <summary>
/// The IAM part of the account: identities, keys, policies and STS sessions. Plain data, saved and
/// loaded as JSON; always used under <see cref="RangeState.Sync"/>. IAM names are unique without
/// regard to case, as on AWS.
/// </summary>
public sealed class IamAccount
{
    public Dictionary<string, IamUser> Users { get; set; } = new(StringComparer.OrdinalIgnoreCase);
    public Dictionary<string, AccessKey> AccessKeys { get; set; } = new(StringComparer.Ordinal);
    public Dictionary<string, IamGroup> Groups { get; set; } = new(StringComparer.OrdinalIgnoreCase);
    public Dictionary<string, IamRole> Roles { get; set; } = new(StringComparer.OrdinalIgnoreCase);
    /// <summary>Managed policies by ARN, AWS managed ones included.</summary>
    public Dictionary<string, ManagedPolicy> Policies { get; set; } = new(StringComparer.Ordinal);
    public Dictionary<string, StsSession> Sessions { get; set; } = new(StringComparer.Ordinal);
    public List<string> AccountAliases { get; set; } = [];
    /// <summary>
    /// The root user's access keys (at most two, as on AWS). They belong to no IAM user: IAM's key operations by an IAM
    /// principal never find them, no identity policy binds them, and the credential report's root row shows them.
    /// </summary>
    public List<AccessKey> RootAccessKeys { get; set; } = [];
    public DateTimeOffset? CredentialReportGeneratedAt { get; set; }
    /// <summary>When the report being generated is ready: until then AWS answers INPROGRESS and ReportInProgress.</summary>
    public DateTimeOffset? CredentialReportReadyAt { get; set; }
    /// <summary>The CSV of the last generated credential report (a snapshot, as on AWS).</summary>
    public string? CredentialReport { get; set; }

    /// <summary>After deserialisation: names unique without regard to case again, as on AWS.</summary>
    public IamAccount WithIamComparers()
    {
        Users = new(Users, StringComparer.OrdinalIgnoreCase);
        Groups = new(Groups, StringComparer.OrdinalIgnoreCase);
        Roles = new(Roles, StringComparer.OrdinalIgnoreCase);
        foreach (var u in Users.Values) u.InlinePolicies = new(u.InlinePolicies, StringComparer.Ordinal);
        return this;
    }

    public IamUser? User(string name) => Users.GetValueOrDefault(name);
    public IamRole? Role(string name) => Roles.GetValueOrDefault(name);
    public IamGroup? Group(string name) => Groups.GetValueOrDefault(name);
    public ManagedPolicy? Policy(string arn) => Policies.GetValueOrDefault(arn);

    public IEnumerable<AccessKey> KeysOf(string userName) =>
        AccessKeys.Values.Where(k => string.Equals(k.UserName, userName, StringComparison.OrdinalIgnoreCase))
            .OrderBy(k => k.CreateDate);

    public IEnumerable<IamGroup> GroupsOf(string userName) =>
        Groups.Values.Where(g => g.Members.Contains(userName, StringComparer.OrdinalIgnoreCase));

    /// <summary>How many users, groups and roles a managed policy is attached to.</summary>
    public int AttachmentCount(string policyArn) =>
        Users.Values.Count(u => u.AttachedPolicyArns.Contains(policyArn))
        + Groups.Values.Count(g => g.AttachedPolicyArns.Contains(policyArn))
        + Roles.Values.Count(r => r.AttachedPolicyArns.Contains(policyArn));
}
