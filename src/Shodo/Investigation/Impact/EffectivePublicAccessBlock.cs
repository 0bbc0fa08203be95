using Shodo.Aws.S3;
using Shodo.Evidence.Snapshot;
using Shodo.Localization;

namespace Shodo.Investigation.Impact;

/// <summary>
/// Whether S3 applies one Block Public Access setting to a bucket: on when the bucket's or the account's is ("the most restrictive
/// combination of the bucket-level and account-level settings"). <see cref="Blocks"/> null when it cannot be said: neither level
/// shows it on and one of them was not read (<see cref="Unknown"/> names which). <see cref="DecidedBy"/> says, in each report
/// language, which level's setting blocked what.
/// </summary>
internal sealed record BlockVerdict(bool? Blocks, IReadOnlyDictionary<string, string>? DecidedBy, IReadOnlyList<ReachGap> Unknown);

internal static class EffectivePublicAccessBlock
{
    /// <summary>Whether S3 ignores the bucket's public ACL grants (IgnorePublicAcls).</summary>
    public static BlockVerdict IgnoresPublicAcls(AccountSnapshot state, string bucket) =>
        Setting(state, bucket, b => b.IgnorePublicAcls, a => a.IgnorePublicAcls, "ReachPublicAclIgnoredByBucket", "ReachPublicAclIgnoredByAccount");

    /// <summary>Whether S3 shuts the bucket's public policy to everyone outside the account (RestrictPublicBuckets).</summary>
    public static BlockVerdict RestrictsPublicPolicy(AccountSnapshot state, string bucket) =>
        Setting(state, bucket, b => b.RestrictPublicBuckets, a => a.RestrictPublicBuckets,
            "ReachPublicPolicyRestrictedByBucket", "ReachPublicPolicyRestrictedByAccount");

    /// <summary>
    /// The settings S3 applies to the bucket (<see cref="PublicAccessBlockSettings.Effective"/>): a level not read adds nothing — the
    /// cautious reading, where the verdicts above say "unknown".
    /// </summary>
    public static PublicAccessBlockSettings Settings(AccountSnapshot state, string bucket)
    {
        var own = state.BucketPublicAccessBlocks.FirstOrDefault(b => b.Bucket == bucket);
        var account = state.AccountPublicAccessBlock;
        return PublicAccessBlockSettings.Effective(
            own is null ? null : new(own.BlockPublicAcls, own.IgnorePublicAcls, own.BlockPublicPolicy, own.RestrictPublicBuckets),
            account is null ? null : new(account.BlockPublicAcls, account.IgnorePublicAcls, account.BlockPublicPolicy, account.RestrictPublicBuckets));
    }

    private static BlockVerdict Setting(AccountSnapshot state, string bucket, Func<BucketPublicAccessBlockFact, bool> ofBucket,
        Func<AccountPublicAccessBlockFact, bool> ofAccount, string bucketDecides, string accountDecides)
    {
        var own = state.BucketPublicAccessBlocks.FirstOrDefault(b => b.Bucket == bucket);
        var account = state.AccountPublicAccessBlock;
        if (own is not null && ofBucket(own)) return new(true, LocalText.Of(bucketDecides, bucket), []);
        if (account is not null && ofAccount(account)) return new(true, LocalText.Of(accountDecides, bucket), []);
        var unknown = new List<ReachGap>();
        if (own is null) unknown.Add(ReachGap.Of("ReachBlockPublicAccessNotRead", bucket));
        if (account is null) unknown.Add(ReachGap.Of("ReachAccountBlockPublicAccessNotRead"));
        return new(unknown.Count > 0 ? null : false, null, unknown);
    }
}
