using Shodo.Evidence.Snapshot;
using Shodo.Investigation.Impact;
using Shodo.Investigation.Model;
using Shodo.Investigation.Resources;
using Shodo.Investigation.Triage;
using Shodo.Investigation.Triage.Signs;
using Shodo.Localization;
using Shodo.Trail.Records;

namespace Shodo.Investigation.Suspicion;

/// <summary>
/// When the events could not all be read, what the recorded state alone says: the triage sign detectors run over the
/// snapshot for the exposure window, and the signs are weighed. Strong: a user created in the window (never the leaked
/// key's owner or the responder) holding admin-equivalent rights and an access key or a password; then instances
/// launched after the first such user's creation (or after the compromise start the events show) in a region the
/// account never used before, and the persistent Spot requests behind them. The doors to the data the state shows open,
/// whoever opened them (<see cref="OpenDoors"/>). Nothing already attributed is repeated.
/// </summary>
public static class StateSuspicion
{
    /// <param name="exposureFrom">When the key's exposure may have begun: the compromise start the events show, else the
    /// leaked key's creation (the credential report's bound).</param>
    /// <param name="computeFrom">When the attacker's compute may have begun, known from the events; null = the first strong principal's creation.</param>
    public static IReadOnlyList<SuspectedTarget> Weigh(AccountSnapshot state, AdminEquivalence admins, DateTimeOffset exposureFrom,
        DateTimeOffset? computeFrom, IReadOnlyList<TrailRecord> recent, IReadOnlySet<string> notCandidates, IReadOnlySet<string> attributed)
    {
        var context = new TriageContext(state, exposureFrom, recent, new Dictionary<CandidateId, IReadOnlyList<TrailRecord>>(),
            new Dictionary<string, string>(), notCandidates);
        var result = new List<SuspectedTarget>();
        foreach (var sign in new NewUserSigns().Detect(context))
        {
            var user = sign.Candidate.Id;
            var why = admins.Why(user);
            var keys = state.AccessKeys.Where(k => k.UserName == user && k.Status != "Inactive").Select(k => k.AccessKeyId).ToList();
            var password = state.LoginProfiles.Any(p => p.UserName == user);
            if (why.Count == 0 || (keys.Count == 0 && !password) || attributed.Contains(Key(ResourceTypes.User, user))) continue;
            var credentials = string.Join(", ", keys.Concat(password ? [Messages.Get("SuspectedPassword")] : []));
            result.Add(new SuspectedTarget(ResourceTypes.User, user, null, sign.FirstSeen,
                Messages.Get("SuspectedUserReason", user, sign.FirstSeen, string.Join(", ", why), credentials))
            {
                ConfirmArguments = $"--user-name {user}",
            });
        }

        result.AddRange(OpenDoors(state, attributed, exposureFrom));
        var anchor = computeFrom ?? result.Select(r => r.Created).Where(t => t is not null).DefaultIfEmpty(null).Min();
        if (anchor is not { } from) return result;
        var compute = new TriageContext(state, from, recent, new Dictionary<CandidateId, IReadOnlyList<TrailRecord>>(),
            new Dictionary<string, string>(), notCandidates);
        var regions = new UnusedRegionInstanceSigns().Detect(compute).SelectMany(s => s.Regions).ToHashSet(StringComparer.Ordinal);
        var instances = state.Instances.Where(i => regions.Contains(i.Region) && i.LaunchTime is { } t && t >= from
                                                   && i.State is not ("terminated" or "shutting-down")
                                                   && !attributed.Contains(Key(ResourceTypes.Instance, i.InstanceId))).ToList();
        foreach (var i in instances)
            result.Add(new SuspectedTarget(ResourceTypes.Instance, i.InstanceId, i.Region, i.LaunchTime,
                Messages.Get("SuspectedInstanceReason", i.InstanceType, i.Region, i.LaunchTime, from)));
        var launched = instances.Select(i => i.SpotInstanceRequestId).OfType<string>().ToHashSet(StringComparer.Ordinal);
        foreach (var s in state.SpotRequests.Where(s => s.Type == "persistent" && s.State is "open" or "active" && regions.Contains(s.Region)
                                                         && launched.Contains(s.SpotInstanceRequestId)
                                                         && !attributed.Contains(Key(ResourceTypes.SpotRequest, s.SpotInstanceRequestId))))
            result.Add(new SuspectedTarget(ResourceTypes.SpotRequest, s.SpotInstanceRequestId, s.Region, null,
                Messages.Get("SuspectedSpotRequestReason", s.InstanceType, s.Region, from)));
        return result;
    }

    /// <summary>
    /// The doors to the data the recorded state shows open, with attribution unknown: an RDS DB or cluster snapshot another
    /// account (or <c>all</c>) may restore, a bucket whose collected policy lets in everyone or another account, and a customer
    /// managed KMS key whose policy lets another account (or everyone) use it. The
    /// attacker may have opened them; a share the organisation made on purpose is closed only under contain-suspected, and
    /// <c>shodo rollback</c> re-opens it exactly. And an EBS snapshot another account (or <c>all</c>) may create a volume
    /// from, when it was started at or after <paramref name="exposureFrom"/>: a snapshot cannot be shared before it exists,
    /// so one started in the window was shared in it. An older one shared out is reported (an exposure not attributed), not
    /// suspected: what the snapshot can tell does not place its sharing in the window. And a KMS grant letting another
    /// account's principal use a key of the account, created at or after <paramref name="exposureFrom"/> (a grant's creation
    /// date is when it was made): closed only by the approved step revoke-kms-grant, as the attacker's would be. And an AMI
    /// launchable from outside, created in the window (<see cref="SharedImageSuspicion"/>).
    /// </summary>
    public static IEnumerable<SuspectedTarget> OpenDoors(AccountSnapshot state, IReadOnlySet<string> attributed, DateTimeOffset? exposureFrom = null)
    {
        foreach (var s in state.DbSnapshots.Where(s => s.RestoreAccounts.Count > 0))
        {
            var type = s.Cluster ? ResourceTypes.SharedDbClusterSnapshot : ResourceTypes.SharedDbSnapshot;
            if (attributed.Contains(Key(type, s.SnapshotId))) continue;
            yield return new SuspectedTarget(type, s.SnapshotId, s.Region, null, Messages.Get("SuspectedSharedSnapshotReason",
                s.Cluster ? "DB cluster snapshot" : "DB snapshot", s.SnapshotId, s.Region, string.Join(", ", s.RestoreAccounts)));
        }
        foreach (var s in state.EbsSnapshots.Where(s => s.CreateVolumePermissions is { Count: > 0 } && exposureFrom is { } from
                                                        && s.StartTime is { } started && started >= from))
        {
            if (attributed.Contains(Key(ResourceTypes.SharedEbsSnapshot, s.SnapshotId))) continue;
            yield return new SuspectedTarget(ResourceTypes.SharedEbsSnapshot, s.SnapshotId, s.Region, s.StartTime, Messages.Get(
                "SuspectedSharedEbsSnapshotReason", s.SnapshotId, s.Region, s.StartTime, exposureFrom, string.Join(", ", s.CreateVolumePermissions!)));
        }
        foreach (var door in OutsideGrants(state, attributed, exposureFrom)) yield return door;
        foreach (var door in SharedImageSuspicion.Doors(state, attributed, exposureFrom)) yield return door;
        var owner = state.Users.Select(u => u.Arn?.Split(':') is { Length: >= 6 } p ? p[4] : null).FirstOrDefault(a => a is not null);
        foreach (var door in OpenBuckets(state, owner, attributed)) yield return door;
        foreach (var k in state.KmsKeys.Where(k => k.KeyManager == "CUSTOMER" && k.Policy is not null))
        {
            // An AWS managed key's policy lets in "*" under a kms:CallerAccount condition by design: only customer keys are weighed.
            var open = Shodo.Aws.S3.BucketPolicyGrants.Allowed(Shodo.Aws.S3.BucketPolicyGrants.Parse(k.Policy), k.Arn.Split(':') is { Length: >= 6 } a ? a[4] : owner);
            if (open.Count == 0 || attributed.Contains(Key(ResourceTypes.OpenedKeyPolicy, k.KeyId))) continue;
            yield return new SuspectedTarget(ResourceTypes.OpenedKeyPolicy, k.KeyId, k.Region, null,
                Messages.Get("SuspectedOpenKeyPolicyReason", k.KeyId, k.Region, string.Join(", ", open)));
        }
    }

    /// <summary>
    /// Each bucket whose collected policy or ACL lets someone outside the account in, as S3 decides it under the Block Public Access
    /// in effect, the bucket's and the account's (<see cref="Shodo.Aws.S3.BucketOpenTo"/>, <see cref="EffectivePublicAccessBlock"/>):
    /// a public policy or ACL the account's settings neutralise is no door.
    /// </summary>
    private static IEnumerable<SuspectedTarget> OpenBuckets(AccountSnapshot state, string? owner, IReadOnlySet<string> attributed)
    {
        var policies = state.BucketPolicies.Where(p => p.Document is not null).GroupBy(p => p.Bucket, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
        var publicAcls = state.BucketAcls.Where(a => a.Grants.Any(g => g.IsPublic)).Select(a => a.Bucket).ToHashSet(StringComparer.Ordinal);
        foreach (var bucket in policies.Keys.Union(publicAcls).Order(StringComparer.Ordinal))
        {
            var policy = policies.GetValueOrDefault(bucket);
            var document = Shodo.Aws.S3.BucketPolicyGrants.Parse(policy?.Document);
            var settings = EffectivePublicAccessBlock.Settings(state, bucket);
            var open = Shodo.Aws.S3.BucketOpenTo.Of(owner, document, publicAcls.Contains(bucket), settings);
            if (open.Count == 0 || attributed.Contains(Key(ResourceTypes.OpenedBucket, bucket))) continue;
            var region = state.Buckets.FirstOrDefault(b => b.Name == bucket)?.Region ?? policy?.Region;
            var byPolicy = Shodo.Aws.S3.BucketOpenTo.Of(owner, document, false, settings).Count > 0;
            yield return new SuspectedTarget(ResourceTypes.OpenedBucket, bucket, region, null, byPolicy
                ? Messages.Get("SuspectedOpenBucketReason", bucket, string.Join(", ", open))
                : Messages.Get("SuspectedOpenBucketAclReason", bucket));
        }
    }

    private static IEnumerable<SuspectedTarget> OutsideGrants(AccountSnapshot state, IReadOnlySet<string> attributed, DateTimeOffset? exposureFrom)
    {
        if (exposureFrom is not { } from) yield break;
        foreach (var key in state.KmsKeys)
        {
            var account = key.Arn.Split(':') is { Length: >= 6 } arn ? arn[4] : null;
            foreach (var g in key.Grants.Where(g => g.CreationDate is { } made && made >= from))
            {
                var outside = new[] { g.GranteePrincipal, g.RetiringPrincipal }.Select(AttackerResourceFinder.PrincipalAccount).OfType<string>()
                    .Where(a => a != account).Distinct().ToList();
                var id = $"{key.KeyId}/{g.GrantId}";
                if (outside.Count == 0 || attributed.Contains(Key(ResourceTypes.OutsideKmsGrant, id))) continue;
                yield return new SuspectedTarget(ResourceTypes.OutsideKmsGrant, id, key.Region, g.CreationDate, Messages.Get(
                    "SuspectedKmsGrantReason", key.KeyId, key.Region, g.CreationDate, from, string.Join(", ", outside), string.Join(", ", g.Operations)));
            }
        }
    }

    public static string Key(string kind, string id) => $"{kind}:{id}";
}
