using Shodo.Aws.Protocols;
using Shodo.Cases;

namespace Shodo.Evidence.Snapshot;

/// <summary>
/// The account as <c>shodo collect</c> recorded it, typed once for everyone who reasons about it
/// (investigation, triage, the planner, reports): enabled regions, IAM users, keys, login profiles and
/// attachments, groups and roles with their policies, permissions boundaries and managed policy documents, EC2 instances, Spot requests, key pairs and security groups, trails and their selectors,
/// buckets with tags and policies, RDS instances and snapshots with their sharing. Each fact names the evidence blob it
/// was read from; each stored answer that could not be read is in <see cref="Gaps"/>, never dropped.
/// Each collector that implements <see cref="ISnapshotPart"/> reads its own part.
/// </summary>
public sealed class AccountSnapshot
{
    public List<RegionFact> Regions { get; } = [];
    public List<UserFact> Users { get; } = [];
    public List<AccessKeyFact> AccessKeys { get; } = [];
    public List<LoginProfileFact> LoginProfiles { get; } = [];
    public List<PolicyAttachmentFact> Attachments { get; } = [];
    public List<InlinePolicyFact> InlinePolicies { get; } = [];
    public List<InstanceFact> Instances { get; } = [];
    public List<SpotRequestFact> SpotRequests { get; } = [];
    public List<KeyPairFact> KeyPairs { get; } = [];
    public List<SecurityGroupFact> SecurityGroups { get; } = [];
    public List<TrailFact> Trails { get; } = [];
    public List<BucketFact> Buckets { get; } = [];
    public List<DbSnapshotFact> DbSnapshots { get; } = [];
    public List<DbInstanceFact> DbInstances { get; } = [];
    public List<AutoScalingGroupFact> AutoScalingGroups { get; } = [];
    public List<ResourceShareFact> ResourceShares { get; } = [];
    /// <summary>KMS keys with their key policy (null: not read) and grants, per region.</summary>
    public List<KmsKeyFact> KmsKeys { get; } = [];
    /// <summary>EBS snapshots the account owns, with the KMS key of an encrypted one.</summary>
    public List<EbsSnapshotFact> EbsSnapshots { get; } = [];
    /// <summary>AMIs the account owns, with who may launch each (launchPermission; null: not read).</summary>
    public List<ImageFact> Images { get; } = [];
    public List<GroupMembershipFact> GroupMemberships { get; } = [];
    /// <summary>Groups and roles with their policies (GetAccountAuthorizationDetails).</summary>
    public List<PolicyHolderFact> PolicyHolders { get; } = [];
    public List<PermissionsBoundaryFact> PermissionsBoundaries { get; } = [];
    public List<ManagedPolicyFact> ManagedPolicies { get; } = [];
    /// <summary>Buckets whose policy was read (a bucket with none has a fact with no document); a bucket not here: its policy is unknown.</summary>
    public List<BucketPolicyFact> BucketPolicies { get; } = [];
    /// <summary>Buckets whose ACL was read; a bucket not here: its ACL is unknown.</summary>
    public List<BucketAclFact> BucketAcls { get; } = [];
    /// <summary>Buckets whose Block Public Access settings were read (none configured: all off); a bucket not here: unknown.</summary>
    public List<BucketPublicAccessBlockFact> BucketPublicAccessBlocks { get; } = [];
    /// <summary>The account's Block Public Access (S3 Control), none configured included; null: not read, so what it blocks is unknown.</summary>
    public AccountPublicAccessBlockFact? AccountPublicAccessBlock { get; set; }
    /// <summary>Buckets whose default encryption was read; a bucket not here: unknown.</summary>
    public List<BucketEncryptionFact> BucketEncryptions { get; } = [];
    /// <summary>EBS volumes with their encryption and KMS key (DescribeVolumes).</summary>
    public List<VolumeFact> Volumes { get; } = [];
    /// <summary>The account's organisation (o-...); empty when it is in none; null when that was not read.</summary>
    public string? OrganizationId { get; set; }
    /// <summary>Whether GetAccountAuthorizationDetails was stored to its last page: only then do users' groups, roles and policies say everything.</summary>
    public bool AuthorizationDetailsComplete { get; set; }

    /// <summary>Stored answers (or facts in them) that could not be read: what they would have shown is unknown.</summary>
    public IReadOnlyList<SnapshotGap> Gaps { get; private set; } = [];

    /// <summary>The snapshot of the case's stored answers, read by every registered part.</summary>
    public static Task<AccountSnapshot> BuildAsync(Case @case, CancellationToken ct) =>
        BuildAsync(StoredAnswers.Load(@case), ct);

    public static async Task<AccountSnapshot> BuildAsync(StoredAnswers answers, CancellationToken ct)
    {
        var snapshot = new AccountSnapshot();
        await answers.ForEachXmlAsync("ec2", "DescribeRegions", a =>
        {
            foreach (var r in a.Body.Descendants("item").Where(i => i.Element("regionName") is not null))
            {
                var status = r.Text("optInStatus");
                if (status is "not-opted-in") continue;
                snapshot.Regions.Add(new RegionFact(r.Required("regionName"), status == "opted-in"));
            }
        }, ct).ConfigureAwait(false);
        foreach (var part in CollectorCatalog.All.OfType<ISnapshotPart>())
            await part.ReadAsync(answers, snapshot, ct).ConfigureAwait(false);
        snapshot.Gaps = answers.Gaps;
        return snapshot;
    }

    /// <summary>Keeps the first fact of each key: the same answer can be stored for several pages or retries.</summary>
    public static void Dedupe<T, TKey>(List<T> list, Func<T, TKey> key)
    {
        var distinct = list.DistinctBy(key).ToList();
        list.Clear();
        list.AddRange(distinct);
    }
}
