using Shodo.Evidence.Snapshot;
using Shodo.Investigation.Suspicion;

namespace Shodo.Tests.InvestigationTests;

/// <summary>
/// Blind, a bucket is a suspected door only while S3 would let someone outside in under the Block Public Access in effect — the
/// bucket's and the account's: a public ACL the account ignores (IgnorePublicAcls) and a public policy it restricts
/// (RestrictPublicBuckets) are not suspected; a policy naming an outside account (not public) still is; and with the account's
/// settings off, a public ACL is suspected too, said as the ACL's.
/// </summary>
public sealed class AccountBlockedBucketSuspicionTests
{
    private const string Account = "111122223333", Outside = "444455556666", Region = "ap-northeast-1";

    private static AccountSnapshot State(bool accountBlocks)
    {
        var state = new AccountSnapshot();
        state.Users.Add(new UserFact("dev", $"arn:aws:iam::{Account}:user/dev", null, "e"));
        foreach (var name in new[] { "acme-legacy", "acme-customer-data", "acme-partner" })
        {
            state.Buckets.Add(new BucketFact(name, Region, new Dictionary<string, string>(), "e"));
            state.BucketPublicAccessBlocks.Add(new BucketPublicAccessBlockFact(name, false, false, false, false, "e"));
        }
        state.BucketAcls.Add(new BucketAclFact("acme-legacy", "owner-id", [new BucketAclGrant(null, BucketAclGrant.AllUsers, "READ")], "e"));
        state.BucketPolicies.Add(new BucketPolicyFact("acme-customer-data",
            """{"Statement":[{"Effect":"Allow","Principal":"*","Action":"s3:GetObject","Resource":"arn:aws:s3:::acme-customer-data/*","Condition":{"Bool":{"aws:SecureTransport":"true"}}}]}""", "e"));
        state.BucketPolicies.Add(new BucketPolicyFact("acme-partner",
            $$"""{"Statement":[{"Effect":"Allow","Principal":{"AWS":"arn:aws:iam::{{Outside}}:root"},"Action":"s3:GetObject","Resource":"*"}]}""", "e"));
        state.AccountPublicAccessBlock = new AccountPublicAccessBlockFact(true, false, accountBlocks, false, accountBlocks, "e");
        return state;
    }

    [Fact]
    public void The_accounts_block_public_access_shuts_a_public_acl_and_a_public_policy_but_not_a_named_outside_account()
    {
        var door = Assert.Single(StateSuspicion.OpenDoors(State(accountBlocks: true), new HashSet<string>()));
        Assert.Equal("acme-partner", door.Id);
        Assert.Contains(Outside, door.Reason, StringComparison.Ordinal);

        var open = StateSuspicion.OpenDoors(State(accountBlocks: false), new HashSet<string>()).ToList();
        Assert.Equal(["acme-customer-data", "acme-legacy", "acme-partner"], open.Select(d => d.Id).Order(StringComparer.Ordinal));
        Assert.Contains("ACL", open.Single(d => d.Id == "acme-legacy").Reason, StringComparison.Ordinal);
        Assert.All(open, d => Assert.Equal(Region, d.Region));
    }
}
