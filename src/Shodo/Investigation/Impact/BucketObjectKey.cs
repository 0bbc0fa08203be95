using Shodo.Evidence.Snapshot;

namespace Shodo.Investigation.Impact;

/// <summary>
/// What a bucket's default encryption adds to "who could read its objects" (GetBucketEncryption): with SSE-S3 nothing; with
/// SSE-KMS, reading an object also needs kms:Decrypt on its key — the AWS managed key aws/s3 is usable by the account's own
/// principals only (never another account), a customer managed key by whom its key policy and grants let in
/// (<see cref="KeyUse"/>). Read for the objects the default key encrypts: an object written with another key, or before the
/// default was set, is not seen here. Null: nothing to weigh; "unknown" when the default encryption was not read.
/// </summary>
internal sealed class BucketObjectKey(AccountSnapshot state, KeyUse keys)
{
    /// <summary>The key outside readers (<paramref name="accounts"/>; null: everyone) need, or null when none is needed.</summary>
    public ReadReach? Outside(string bucket, IReadOnlyCollection<string>? accounts)
    {
        if (Key(bucket) is not { } key) return null;
        if (key.Unknown is { } gap) return new ReadReach(null, [], [gap]);
        if (key.Id is null) return new ReadReach(false, [], []);
        return accounts is null ? keys.ByEveryone(key.Region, key.Id) : keys.ByOutside(key.Region, key.Id, accounts);
    }

    /// <summary>The key a principal of the account needs, weighed with its IAM policies when the key policy delegates to them.</summary>
    public ReadReach? Principal(string bucket, string who, string? arn, Func<string, string, IdentityVerdict> identity)
    {
        if (Key(bucket) is not { } key) return null;
        if (key.Unknown is { } gap) return new ReadReach(null, [], [gap]);
        if (key.Id is null) return null; // aws/s3: the account's principals use it through S3
        return keys.ByPrincipal(key.Region, key.Id, who, arn, identity);
    }

    /// <summary>Null: no KMS key (SSE-S3, none). Id null: the AWS managed key aws/s3.</summary>
    private (string Region, string? Id, ReachGap? Unknown)? Key(string bucket)
    {
        var region = state.Buckets.FirstOrDefault(b => b.Name == bucket)?.Region ?? "us-east-1";
        if (state.BucketEncryptions.FirstOrDefault(e => e.Bucket == bucket) is not { } encryption)
            return (region, null, ReachGap.Of("ReachBucketEncryptionNotRead", bucket));
        if (!encryption.Kms) return null;
        var id = encryption.KmsKeyId;
        if (id is null || id == "alias/aws/s3" || id.EndsWith(":alias/aws/s3", StringComparison.Ordinal)) return (region, null, null);
        if (id.StartsWith("arn:", StringComparison.Ordinal) && id.Split(':') is { Length: >= 6 } arn) region = arn[3];
        return (region, id, null);
    }
}
