using Shodo.Range;
using Shodo.Range.State.S3;

namespace Shodo.Drill.Tests;

/// <summary>
/// The drill's judge weighs the account's Block Public Access beside the bucket's, as S3 does: the bucket the attacker of
/// leaked-key-cryptomining opened (a public policy and a grant to its outside account) stops counting once the account restricts
/// public buckets, and a public ACL the account ignores never counts.
/// </summary>
public sealed class AccountBlockedDataDoorsTests
{
    [Fact]
    public async Task The_opened_bucket_is_not_counted_open_under_the_accounts_RestrictPublicBuckets_nor_a_public_acl_under_its_IgnorePublicAcls()
    {
        await using var range = await RangeHost.StartAsync(new RangeOptions { Port = 0, Scenario = "leaked-key-cryptomining" });
        var truth = range.GroundTruth!;
        var opened = Assert.Single(truth.OpenedBuckets);
        var bucket = range.State.FindBucket(opened.Bucket)!;
        bool Counted() => DataDoorsOpen.Find(range.State, truth).Any(d => d.StartsWith($"s3-bucket:{bucket.Region}:{bucket.Name} ", StringComparison.Ordinal));
        Assert.True(Counted());

        lock (range.State.Sync)
        {
            bucket.PublicAccessBlock = null;
            range.State.AccountPublicAccessBlock = new S3PublicAccessBlock(false, IgnorePublicAcls: true, false, RestrictPublicBuckets: true);
            bucket.Grants.Add(new S3Grant("Group", S3Grant.AllUsers, "READ"));
        }
        Assert.False(Counted());

        lock (range.State.Sync) range.State.AccountPublicAccessBlock = new S3PublicAccessBlock(false, false, false, false);
        Assert.True(Counted());
    }
}
