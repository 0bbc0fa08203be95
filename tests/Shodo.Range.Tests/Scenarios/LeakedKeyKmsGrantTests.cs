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

    [Fact]
    public async Task The_attacker_also_opens_that_key_s_policy_to_the_outside_account_and_the_ground_truth_names_it()
    {
        await using var range = await RangeHost.StartAsync(new RangeOptions { Port = 0, Scenario = "leaked-key-cryptomining" });
        var truth = range.GroundTruth!;
        var opened = Assert.Single(truth.KmsKeyPolicies);
        Assert.Equal(("ap-northeast-1", Assert.Single(truth.KmsGrants).KeyId), (opened.Region, opened.KeyId));
        Assert.Equal(["444455556666"], opened.OpenTo);
        lock (range.State.Sync)
        {
            var key = range.State.Kms("ap-northeast-1").Find(opened.KeyId)!;
            var policy = System.Text.Json.Nodes.JsonNode.Parse(key.Policy)!;
            var outside = Assert.Single(policy["Statement"]!.AsArray(), s => s!["Principal"]!["AWS"]!.GetValue<string>() == "arn:aws:iam::444455556666:root")!;
            Assert.Equal("Allow", outside["Effect"]!.GetValue<string>());
            Assert.Contains("kms:Decrypt", outside["Action"]!.AsArray().Select(a => a!.GetValue<string>()));
            Assert.Contains(policy["Statement"]!.AsArray(), s => s!["Principal"]!["AWS"]!.GetValue<string>() == $"arn:aws:iam::{range.State.AccountId}:root");

            var put = range.State.Calls.Single(c => c.EventName == "PutKeyPolicy");
            Assert.Equal(("kms.amazonaws.com", "ap-northeast-1", truth.LeakedAccessKeyId, null),
                (put.EventSource, put.Region, put.Caller!.AccessKeyId, put.ErrorCode));
            Assert.Equal(key.Policy, put.RequestParameters!["policy"]!.GetValue<string>());
        }
        Assert.Contains(truth.Events, e => e.EventName == "PutKeyPolicy" && e.EventSource == "kms.amazonaws.com");
    }
}
