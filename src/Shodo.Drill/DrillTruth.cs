using Shodo.Investigation.Model;
using Shodo.Range.Adversary;
using Shodo.Range.Scenarios;

namespace Shodo.Drill;

/// <summary>
/// What a drill's investigation should find: the scenario's ground truth plus what the live
/// adversary created before the account's state was recorded (collect started: what was created later
/// is in no evidence and is left to containment's verification), and everything the
/// attacker ever held or made (<see cref="Attacker"/>) — only reporting outside that is a false positive.
/// Identities and resources are compared by the investigation's own ids (<c>user:NAME</c>,
/// <c>access-key:AKIA...</c>, <c>ec2:instance:REGION:i-...</c>).
/// </summary>
public sealed record DrillTruth(
    IReadOnlySet<string> ExpectedIdentities, IReadOnlySet<string> AttackerIdentities,
    IReadOnlySet<string> ExpectedResources, IReadOnlySet<string> AttackerResources)
{
    /// <summary>The attacker's principals holding credentials: the ground truth's users with a console password or an attacker access key.</summary>
    public IReadOnlySet<string> PersistenceUsers { get; init; } = new HashSet<string>(StringComparer.Ordinal);

    public static DrillTruth From(GroundTruth truth, IReadOnlyList<AdversaryCreation> created, DateTimeOffset? recordedAt)
    {
        var identities = new HashSet<string>(StringComparer.Ordinal);
        identities.UnionWith(truth.Users.Select(u => "user:" + u));
        identities.UnionWith(truth.AccessKeyIds.Select(k => "access-key:" + k));
        identities.UnionWith(truth.SessionAccessKeyIds.Select(k => "session-key:" + k));
        identities.UnionWith(truth.LoginProfiles.Select(u => "login-profile:" + u));

        var resources = new HashSet<string>(StringComparer.Ordinal);
        resources.UnionWith(truth.Instances.Select(i => Resource(ResourceTypes.Instance, i.Region, i.InstanceId)));
        resources.UnionWith(truth.SpotRequests.Where(s => s.InstanceId is not null)
            .Select(s => Resource(ResourceTypes.Instance, s.Region, s.InstanceId!)));
        resources.UnionWith(truth.SpotRequests.Select(s => Resource(ResourceTypes.SpotRequest, s.Region, s.SpotInstanceRequestId)));
        resources.UnionWith(truth.KeyPairs.Select(k => Resource(ResourceTypes.KeyPair, k.Region, k.KeyName)));
        resources.UnionWith(truth.SharedSnapshots.Select(s => Resource(ResourceTypes.SharedDbSnapshot, s.Region, s.DbSnapshotIdentifier)));
        resources.UnionWith(truth.SharedEbsSnapshots.Select(s => Resource(ResourceTypes.SharedEbsSnapshot, s.Region, s.SnapshotId)));
        resources.UnionWith(truth.SharedClusterSnapshots.Select(s => Resource(ResourceTypes.SharedDbClusterSnapshot, s.Region, s.DbSnapshotIdentifier)));
        resources.UnionWith(truth.OpenedBuckets.Select(b => Resource(ResourceTypes.OpenedBucket, b.Region, b.Bucket)));
        resources.UnionWith(truth.SharedImages.Select(i => Resource(ResourceTypes.SharedImage, i.Region, i.ImageId)));
        resources.UnionWith(truth.KmsKeyPolicies.Select(k => Resource(ResourceTypes.OpenedKeyPolicy, k.Region, k.KeyId)));
        resources.UnionWith(truth.Users.Select(u => Resource(ResourceTypes.User, null, u)));
        resources.UnionWith(truth.LoginProfiles.Select(u => Resource(ResourceTypes.LoginProfile, null, u)));
        resources.UnionWith(truth.AccessKeyIds.Where(k => k != truth.LeakedAccessKeyId).Select(k => Resource(ResourceTypes.AccessKey, null, k)));

        HashSet<string> expectedIdentities = [.. identities], expectedResources = [.. resources];
        foreach (var c in created)
        {
            var (identity, resource) = Ids(c);
            if (identity is not null) identities.Add(identity);
            if (resource is not null) resources.Add(resource);
            if (recordedAt is { } started && c.At < started)
            {
                if (identity is not null) expectedIdentities.Add(identity);
                if (resource is not null) expectedResources.Add(resource);
            }
        }
        var attackerKeys = truth.AccessKeyIds.Any(k => k != truth.LeakedAccessKeyId);
        return new DrillTruth(expectedIdentities, identities, expectedResources, resources)
        {
            PersistenceUsers = truth.Users.Where(u => truth.LoginProfiles.Contains(u) || attackerKeys).ToHashSet(StringComparer.Ordinal),
        };
    }

    /// <summary>The resource kinds the ground truth can score; others (policy attachments, security groups) are not counted.</summary>
    public static readonly IReadOnlySet<string> ScoredResourceTypes = new HashSet<string>(StringComparer.Ordinal)
    {
        ResourceTypes.Instance, ResourceTypes.SpotRequest, ResourceTypes.KeyPair, ResourceTypes.SharedDbSnapshot,
        ResourceTypes.User, ResourceTypes.LoginProfile, ResourceTypes.AccessKey,
        ResourceTypes.SharedEbsSnapshot, ResourceTypes.OpenedBucket,
        ResourceTypes.SharedDbClusterSnapshot,
        ResourceTypes.OpenedKeyPolicy,
        ResourceTypes.SharedImage,
    };

    public static string Resource(string type, string? region, string id) => $"{type}:{region}:{id}";

    private static (string? Identity, string? Resource) Ids(AdversaryCreation c) => c.Kind switch
    {
        "user" => ("user:" + c.Id, Resource(ResourceTypes.User, null, c.Id)),
        "access-key" => ("access-key:" + c.Id, Resource(ResourceTypes.AccessKey, null, c.Id)),
        "session-key" => ("session-key:" + c.Id, null),
        _ => (null, Resource(ResourceTypes.Instance, c.Region, c.Id)),
    };
}
