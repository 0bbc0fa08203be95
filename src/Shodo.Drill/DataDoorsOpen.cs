using System.Text.Json.Nodes;
using Shodo.Range.Scenarios;
using Shodo.Range.State;
using Shodo.Range.State.S3;

namespace Shodo.Drill;

/// <summary>
/// The doors to the data still open at the end of a drill, read from the range's final state (not from what Shodo
/// says): every RDS or EBS snapshot or AMI any region holds that is public (<c>all</c>) or still open to an outside account
/// the attacker shared with (an AMI: launchPermission), every bucket that lets anyone in (a public policy or ACL Block Public Access does not
/// neutralise) or whose policy still lets such an account in (no Deny shuts it out), and every KMS grant still on a key
/// whose grantee or retiring principal is such an account (it decrypts the copy shared out), and every customer key whose policy
/// still lets such an account (or everyone) use the key (an AWS managed key's policy is AWS's: only the account, through its service). Each is named
/// <c>rds-snapshot:REGION:ID -> ACCOUNT</c> (or <c>ebs-snapshot:...</c>, <c>ec2-image:...</c>, <c>s3-bucket:REGION:NAME -> ...</c>,
/// <c>kms-grant:REGION:KEY/GRANT -> ACCOUNT</c>, <c>kms-key-policy:REGION:KEY -> ACCOUNT</c>). A RAM share still associated with such an account is not among them: it
/// stays open by decision (reported, not disassociated: src/Shodo/Containment/README.md), so <see cref="OpenByDecision"/>
/// names it apart. This judge reads the range itself on purpose, not Shodo's reading of it.
/// </summary>
public static class DataDoorsOpen
{
    private const string Everyone = "all";

    public static IReadOnlyList<string> Find(RangeState state, GroundTruth truth)
    {
        var outside = truth.SharedSnapshots.Select(s => s.SharedWithAccount)
            .Concat(truth.SharedEbsSnapshots.Select(s => s.SharedWithAccount))
            .Concat(truth.SharedClusterSnapshots.Select(s => s.SharedWithAccount))
            .Concat(truth.OpenedBuckets.SelectMany(b => b.OpenTo))
            .Concat(truth.KmsGrants.Select(g => AccountOf(g.GranteePrincipal)).OfType<string>())
            .Concat(truth.KmsKeyPolicies.SelectMany(k => k.OpenTo))
            .Concat(truth.SharedImages.Select(i => i.SharedWithAccount))
            .Append(Everyone).ToHashSet(StringComparer.Ordinal);
        lock (state.Sync)
            return state.RdsRegions
                .SelectMany(r => r.Value.Snapshots.Values.SelectMany(s => s.RestoreAccounts.Where(outside.Contains)
                    .Select(a => $"rds-snapshot:{r.Key}:{s.Identifier} -> {a}")))
                .Concat(state.RdsRegions.SelectMany(r => r.Value.ClusterSnapshots.Values.SelectMany(s => s.RestoreAccounts.Where(outside.Contains)
                    .Select(a => $"rds-cluster-snapshot:{r.Key}:{s.Identifier} -> {a}"))))
                .Concat(state.Ec2Regions.SelectMany(r => r.Snapshots.SelectMany(s => s.CreateVolumePermissions.Where(outside.Contains)
                    .Select(a => $"ebs-snapshot:{r.Region}:{s.SnapshotId} -> {a}"))))
                .Concat(state.Ec2Regions.SelectMany(r => r.Images.SelectMany(i => i.LaunchPermissions.Where(outside.Contains)
                    .Select(a => $"ec2-image:{r.Region}:{i.ImageId} -> {a}"))))
                .Concat(state.Buckets.Values.SelectMany(b => BucketOpenTo(b, state.AccountId, state.AccountPublicAccessBlock).Where(outside.Contains)
                    .Select(a => $"s3-bucket:{b.Region}:{b.Name} -> {a}")))
                .Concat(state.SaveKms().SelectMany(r => r.Value.Keys.SelectMany(k => k.Grants.SelectMany(g =>
                    new[] { AccountOf(g.GranteePrincipal), AccountOf(g.RetiringPrincipal) }.OfType<string>().Distinct()
                        .Where(a => a != state.AccountId && outside.Contains(a)).Select(a => $"kms-grant:{r.Key}:{k.KeyId}/{g.GrantId} -> {a}")))))
                .Concat(state.SaveKms().SelectMany(r => r.Value.Keys.Where(k => k.KeyManager == "CUSTOMER").SelectMany(k => KeyPolicyOpenTo(k.Policy, state.AccountId).Where(outside.Contains)
                    .Select(a => $"kms-key-policy:{r.Key}:{k.KeyId} -> {a}"))))
                .Order(StringComparer.Ordinal).ToList();
    }

    /// <summary>
    /// The doors Shodo leaves open by decision, not counted as open after containment: every RAM share still associated with an
    /// outside account the attacker shared with (<c>ram-share:REGION:ARN -> ACCOUNT</c>). Shodo reports a share and does not
    /// disassociate it — associating again is a new association and, outside the organisation, a new invitation, so the
    /// before-state could not be restored — and the report gives a person the command that closes it.
    /// </summary>
    public static IReadOnlyList<string> OpenByDecision(RangeState state, GroundTruth truth)
    {
        var outside = truth.SharedSnapshots.Select(s => s.SharedWithAccount)
            .Concat(truth.SharedEbsSnapshots.Select(s => s.SharedWithAccount))
            .Concat(truth.OpenedBuckets.SelectMany(b => b.OpenTo))
            .Concat(truth.KmsGrants.Select(g => AccountOf(g.GranteePrincipal)).OfType<string>())
            .Concat(truth.KmsKeyPolicies.SelectMany(k => k.OpenTo))
            .Concat(truth.SharedImages.Select(i => i.SharedWithAccount))
            .ToHashSet(StringComparer.Ordinal);
        lock (state.Sync)
            return state.SaveRam().SelectMany(r => r.Shares.Where(s => s.Status == "ACTIVE").SelectMany(s =>
                    s.OfType(Shodo.Range.State.Ram.ShareAssociation.Principal)
                        .Where(a => a.Status == "ASSOCIATED" && outside.Contains(a.Entity))
                        .Select(a => $"ram-share:{r.Region}:{s.Arn} -> {a.Entity}")))
                .Order(StringComparer.Ordinal).ToList();
    }

    /// <summary>The account of an IAM principal ARN (<c>arn:aws:iam::ACCOUNT:…</c>) or a bare account id; null for a service principal.</summary>
    private static string? AccountOf(string? principal) =>
        principal is null ? null
        : principal.Length == 12 && principal.All(char.IsAsciiDigit) ? principal
        : principal.StartsWith("arn:", StringComparison.Ordinal) && principal.Split(':') is { Length: > 5 } p && p[4].Length == 12 ? p[4]
        : null;

    /// <summary>
    /// Who outside the owner may read the bucket, as S3 decides it under the Block Public Access in effect — the bucket's and the
    /// account's (<c>S3PublicAccessBlock.Effective</c>'s most restrictive combination) — read by the one rule Shodo's door and
    /// blind suspicion use (<see cref="Shodo.Aws.S3.BucketOpenTo"/>): <c>all</c> for an Allow to <c>*</c> unless
    /// RestrictPublicBuckets, or an AllUsers/AuthenticatedUsers ACL grant unless IgnorePublicAcls; an account id an Allow names
    /// unless a Deny names it, or the policy is public in S3's sense and RestrictPublicBuckets is on: S3 then blocks "public and
    /// cross-account access within any public bucket policy, including non-public delegation to specific accounts".
    /// </summary>
    public static IReadOnlyList<string> BucketOpenTo(S3Bucket bucket, string owner, S3PublicAccessBlock? account = null)
    {
        var effective = S3PublicAccessBlock.Effective(bucket.PublicAccessBlock, account);
        var policy = bucket.Policy is { } text ? Shodo.Aws.S3.BucketPolicyGrants.Parse(text) : null;
        var publicAcl = bucket.Grants.Any(g => g.Grantee is S3Grant.AllUsers or S3Grant.AuthenticatedUsers);
        return Shodo.Aws.S3.BucketOpenTo.Of(owner, policy, publicAcl, effective is null ? new(false, false, false, false)
            : new(effective.BlockPublicAcls, effective.IgnorePublicAcls, effective.BlockPublicPolicy, effective.RestrictPublicBuckets));
    }

    /// <summary>
    /// Whom a key policy's Allow statements let use the key, outside the owner: <c>all</c> for <c>*</c>, else the accounts the
    /// AWS principals are in. A Deny is not counted as shutting anyone out (it may deny a single action); conditions are not weighed.
    /// </summary>
    public static IReadOnlyList<string> KeyPolicyOpenTo(string? policy, string owner)
    {
        if (policy is null || JsonNode.Parse(policy) is not JsonObject document) return [];
        return Statements(document["Statement"]).Where(s => s["Effect"]?.ToString() == "Allow").SelectMany(s => Principals(s["Principal"]))
            .Where(a => a != owner).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
    }

    private static IEnumerable<JsonObject> Statements(JsonNode? node) => node switch
    {
        JsonArray a => a.OfType<JsonObject>(),
        JsonObject o => [o],
        _ => [],
    };

    /// <summary><c>*</c> as <c>all</c>; an AWS principal ARN or id as its account id.</summary>
    private static IEnumerable<string> Principals(JsonNode? node)
    {
        if (node is JsonValue v) return v.ToString() == "*" ? [Everyone] : [];
        if (node is not JsonObject o) return [];
        var aws = o["AWS"] switch
        {
            JsonArray a => a.Select(x => x?.ToString() ?? ""),
            JsonValue one => [one.ToString()],
            _ => [],
        };
        return aws.Select(p => p == "*" ? Everyone : p.StartsWith("arn:", StringComparison.Ordinal) ? p.Split(':')[4] : p);
    }
}
