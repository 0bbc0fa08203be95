using System.Text.Json.Nodes;

namespace Shodo.Aws.S3;

/// <summary>
/// Whom outside its owner a bucket lets in, as S3 decides it under the Block Public Access in effect (the bucket's and the
/// account's, <see cref="PublicAccessBlockSettings.Effective"/>): <c>all</c> while the policy lets everyone in and
/// RestrictPublicBuckets is off, or a public ACL grant (AllUsers, AuthenticatedUsers) is not ignored (IgnorePublicAcls); each
/// outside account an Allow names and no Deny names — unless the policy is public in S3's sense (<see cref="PublicBucketPolicy"/>)
/// and restricted: S3 then blocks every cross-account access it grants, the named accounts' too. The one reading the bucket
/// door, blind suspicion and the drill's judge share.
/// </summary>
public static class BucketOpenTo
{
    public static IReadOnlyList<string> Of(string? owner, JsonNode? policy, bool publicAcl, PublicAccessBlockSettings effective)
    {
        var denied = BucketPolicyGrants.Denied(policy, owner);
        var open = BucketPolicyGrants.Allowed(policy, owner).Where(p => !denied.Contains(p)).ToList();
        if (effective.RestrictPublicBuckets)
        {
            if (BucketPolicyGrants.IsPublic(policy)) open.Clear();
            open.Remove(BucketPolicyGrants.Everyone);
        }
        if (publicAcl && !effective.IgnorePublicAcls && !open.Contains(BucketPolicyGrants.Everyone)) open.Add(BucketPolicyGrants.Everyone);
        return open.Order(StringComparer.Ordinal).ToList();
    }
}
