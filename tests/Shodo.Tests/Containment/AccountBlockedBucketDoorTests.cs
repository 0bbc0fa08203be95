using System.Text.Json.Nodes;
using Shodo.Cases;
using Shodo.Containment.Authority;
using Shodo.Investigation.Model;
using Shodo.Range.State.S3;

namespace Shodo.Tests.Containment;

/// <summary>
/// The bucket door weighs the Block Public Access S3 applies — the bucket's and the account's, the most restrictive of the two —
/// and what S3 calls a public policy: a public ACL the account ignores, and a policy public by S3's definition (everyone held only
/// to aws:SecureTransport) the account restricts, are no open door, so nothing is planned for them; a policy naming an outside
/// account, not public, stays open under the account's RestrictPublicBuckets and is planned.
/// </summary>
public sealed class AccountBlockedBucketDoorTests
{
    private static readonly AuthorityPolicy ClosesDoors =
        new(new HashSet<string>(AuthorityPolicy.DefaultResponder) { "close-data-door" }, null);

    private const string Region = "ap-northeast-1", Outside = "444455556666";

    private static async Task AddOpenedBucketsAsync(LeakedKeyRange env, Case @case, params string[] buckets)
    {
        var resources = InvestigationFiles.ReadResources(@case.Folder).Concat(buckets.Select(bucket => new AttackerResource
        {
            Id = $"{ResourceTypes.OpenedBucket}:{Region}:{bucket}", Type = ResourceTypes.OpenedBucket, Region = Region,
            ResourceId = bucket, CreatedBy = $"access-key:{env.Truth.LeakedAccessKeyId}", State = "opened",
        })).ToList();
        await InvestigationFiles.WriteAsync(@case, InvestigationFiles.AttackerResources, "shodo-attacker-resources/1", "resources", resources);
    }

    [Fact]
    public async Task A_public_acl_the_account_ignores_and_a_public_policy_it_restricts_are_not_planned_and_a_named_account_still_is()
    {
        await using var env = await LeakedKeyRange.StartAsync();
        const string acl = "acme-legacy-downloads", secure = "acme-secure-exchange", named = "acme-partner-drop";
        lock (env.Range.State.Sync)
        {
            env.Range.State.CreateBucket(acl, Region, blockPublicAccess: false).Grants.Add(new S3Grant("Group", S3Grant.AllUsers, "READ"));
            env.Range.State.CreateBucket(secure, Region, blockPublicAccess: false).Policy =
                """{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":"*","Action":"s3:GetObject","Resource":"arn:aws:s3:::BUCKET/*","Condition":{"Bool":{"aws:SecureTransport":"true"}}},{"Effect":"Allow","Principal":{"AWS":"OUTSIDE"},"Action":"s3:GetObject","Resource":"arn:aws:s3:::BUCKET/*"}]}""".Replace("BUCKET", secure).Replace("OUTSIDE", Outside);
            env.Range.State.CreateBucket(named, Region, blockPublicAccess: false).Policy =
                $$"""{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"AWS":"arn:aws:iam::{{Outside}}:root"},"Action":"s3:GetObject","Resource":"arn:aws:s3:::{{named}}/*"}]}""";
            env.Range.State.AccountPublicAccessBlock = new S3PublicAccessBlock(false, IgnorePublicAcls: true, false, RestrictPublicBuckets: true);
        }
        var (contain, cleanup) = await ContainmentScenario.OpenAsync(env);
        using (cleanup)
        {
            await AddOpenedBucketsAsync(env, contain.Case, acl, secure, named);
            var (plan, _) = await contain.PlanAsync(ClosesDoors);
            var doors = plan.Actions.Where(a => a.Action == "close-data-door" && a.Target.Id is acl or secure or named).ToList();
            var door = Assert.Single(doors);
            Assert.Equal(named, door.Target.Id);
            Assert.Equal([Outside], door.Parameters["openTo"]!.AsArray().Select(v => (string)v!));
        }

        // The drill's judge reads the range the same way.
        lock (env.Range.State.Sync)
        {
            var account = env.Range.State.AccountPublicAccessBlock;
            Assert.Empty(Shodo.Drill.DataDoorsOpen.BucketOpenTo(env.Range.State.FindBucket(acl)!, env.Truth.AccountId, account));
            Assert.Empty(Shodo.Drill.DataDoorsOpen.BucketOpenTo(env.Range.State.FindBucket(secure)!, env.Truth.AccountId, account));
            Assert.Equal([Outside], Shodo.Drill.DataDoorsOpen.BucketOpenTo(env.Range.State.FindBucket(named)!, env.Truth.AccountId, account));
        }
    }
}
