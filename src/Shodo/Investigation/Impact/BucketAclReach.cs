using Shodo.Evidence.Snapshot;
using Shodo.Localization;
using Shodo.Investigation.Identities;

namespace Shodo.Investigation.Impact;

/// <summary>
/// Who outside the account's own principals a bucket's ACL lets read, as S3 honours it: a grant to AllUsers (anyone) or
/// AuthenticatedUsers (any AWS account) that lets read (READ, FULL_CONTROL, or WRITE_ACP, with which the grantee gives itself
/// READ) counts unless Block Public Access ignores public ACLs (IgnorePublicAcls, the bucket's or the account's:
/// <see cref="EffectivePublicAccessBlock"/>, which says which decided it); a grant to another account's
/// canonical id counts when the attacker's own PutBucketAcl named that id (IgnorePublicAcls leaves it in force: it is not
/// public). A bucket ACL's READ lets the grantee list the objects, and object keys are data too. "Unknown" when the ACL, or
/// the Block Public Access settings that would decide a public grant, were not read.
/// </summary>
internal static class BucketAclReach
{
    public static (IReadOnlyList<string> Through, IReadOnlyList<ReachGap> Unknown, IReadOnlyList<IReadOnlyDictionary<string, string>> Blocked) Of(
        AccountSnapshot state, ChainResult chain, string bucket)
    {
        if (state.BucketAcls.FirstOrDefault(a => a.Bucket == bucket) is not { } acl) return ([], [ReachGap.Of("ReachAclNotRead", bucket)], []);
        var ignored = EffectivePublicAccessBlock.IgnoresPublicAcls(state, bucket);
        var through = new List<string>();
        var unknown = new List<ReachGap>();
        var blocked = new List<IReadOnlyDictionary<string, string>>();
        var setByAttacker = chain.AttackerEvents.Where(e => e.EventName == "PutBucketAcl" && !e.Failed
                                                            && Trail.Records.TrailRecordJson.Path(e.Raw, "requestParameters", "bucketName") == bucket)
            .Select(e => e.Raw.GetRawText()).ToList();
        foreach (var grant in acl.Grants.Where(g => g.LetsRead))
        {
            if (grant.IsPublic)
            {
                if (ignored.Blocks is null) unknown.AddRange(ignored.Unknown);
                else if (ignored.Blocks == true) blocked.Add(ignored.DecidedBy!);
                else through.Add($"ACL of {bucket}: {grant.Permission} for {grant.Uri![(grant.Uri!.LastIndexOf('/') + 1)..]} (lists its objects)");
            }
            else if (grant.Id is { } id && id != acl.OwnerId && setByAttacker.Any(r => r.Contains(id, StringComparison.Ordinal)))
                through.Add($"ACL of {bucket}: {grant.Permission} for canonical user {id}, granted by the attacker's PutBucketAcl (lists its objects)");
        }
        return (through.Distinct().ToList(), unknown.DistinctBy(g => g.English).ToList(), blocked.DistinctBy(LocalText.English).ToList());
    }
}
