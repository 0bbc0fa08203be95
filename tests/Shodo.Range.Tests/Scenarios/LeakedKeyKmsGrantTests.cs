using Shodo.Range.Scenarios;

namespace Shodo.Range.Tests.Scenarios;

/// <summary>
/// In leaked-key-cryptomining the EBS snapshot the attacker shares is encrypted with a customer key, and the attacker
/// grants the outside account that key: the ground truth names the grant, and the range holds it as ListGrants shows it.
/// </summary>
public sealed class LeakedKeyKmsGrantTests
{
    [Fact]
    public async Task The_attacker_grants_the_outside_account_the_key_that_encrypts_the_snapshot_it_shared()
    {
        await using var range = await RangeHost.StartAsync(new RangeOptions { Port = 0, Scenario = "leaked-key-cryptomining" });
        var truth = range.GroundTruth!;
        var named = Assert.Single(truth.KmsGrants);
        Assert.Equal(("ap-northeast-1", "arn:aws:iam::444455556666:root"), (named.Region, named.GranteePrincipal));
        var shared = Assert.Single(truth.SharedEbsSnapshots);
        lock (range.State.Sync)
        {
            var key = range.State.Kms("ap-northeast-1").Find(named.KeyId)!;
            var grant = Assert.Single(key.Grants);
            Assert.Equal((named.GrantId, named.GranteePrincipal), (grant.GrantId, grant.GranteePrincipal));
            Assert.Equal(["Decrypt", "DescribeKey", "CreateGrant", "ReEncryptFrom"], grant.Operations);

            var snapshot = range.State.Ec2("ap-northeast-1").Snapshots.Single(s => s.SnapshotId == shared.SnapshotId);
            Assert.True(snapshot.Encrypted);
            Assert.Equal(key.Arn, snapshot.KmsKeyId);

            var created = range.State.Calls.Single(c => c.EventName == "CreateGrant");
            Assert.Equal(("kms.amazonaws.com", "ap-northeast-1", truth.LeakedAccessKeyId, null),
                (created.EventSource, created.Region, created.Caller!.AccessKeyId, created.ErrorCode));
            Assert.Equal(named.GrantId, created.ResponseElements!["grantId"]!.GetValue<string>());
        }
        Assert.Contains(truth.Events, e => e.EventName == "CreateGrant" && e.EventSource == "kms.amazonaws.com");
    }
}
