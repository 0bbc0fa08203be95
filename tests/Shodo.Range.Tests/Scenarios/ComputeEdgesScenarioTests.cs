using Shodo.Range.State;
using Shodo.Range.State.Ec2;
using Shodo.Range.Tests.Infrastructure;

namespace Shodo.Range.Tests.Scenarios;

public sealed class ComputeEdgesFixture : RangeFixture
{
    protected override RangeOptions Options => new() { Port = 0, Scenario = "leaked-key-compute-edges" };
}

/// <summary>
/// <c>leaked-key-compute-edges</c> holds each edge of issue 20 when the response begins, in the range's own state: a
/// maintain EC2 Fleet of 2 and a maintain Spot Fleet of 2, an instance with DisableApiStop, a one-time Spot instance with
/// two network interfaces and a live (tracked) connection through the second, an instance-store instance, and an Aurora
/// cluster snapshot shared with an outside account — each an attacker's, in the ground truth.
/// </summary>
public sealed class ComputeEdgesScenarioTests(ComputeEdgesFixture fixture) : IClassFixture<ComputeEdgesFixture>
{
    private RangeState State => fixture.Range.State;

    private Ec2Instance Attacker(string region, Func<Ec2Instance, bool> which)
    {
        var truth = fixture.Range.GroundTruth!.Instances.Where(i => i.Region == region).Select(i => i.InstanceId).ToHashSet();
        return Assert.Single(State.Ec2(region).Instances, i => truth.Contains(i.InstanceId) && which(i));
    }

    [Fact]
    public void Each_edge_is_in_the_account_and_in_the_ground_truth()
    {
        lock (State.Sync)
        {
            var ec2Fleet = Assert.Single(State.Ec2("us-east-2").Ec2Fleets);
            Assert.Equal((Fleet.Maintain, 2), (ec2Fleet.Type, State.Ec2("us-east-2").Counted(ec2Fleet).Count()));
            Assert.Subset(fixture.Range.GroundTruth!.Instances.Select(i => i.InstanceId).ToHashSet(), ec2Fleet.Members.ToHashSet());
            Assert.Equal(Fleet.Maintain, Assert.Single(State.Ec2("us-west-2").SpotFleets).Type);

            Assert.True(Attacker("eu-west-2", _ => true).DisableApiStop);
            Assert.True(Attacker("ap-southeast-2", _ => true).HasInstanceStoreRoot);

            var multi = Attacker("eu-north-1", _ => true);
            Assert.Equal("spot", multi.InstanceLifecycle);
            var second = Assert.Single(multi.ExtraInterfaces);
            var connection = Assert.Single(multi.Connections);
            Assert.Equal((second.NetworkInterfaceId, "198.51.100.77", 3333), (connection.NetworkInterfaceId, connection.RemoteAddress, connection.RemotePort));
            Assert.True(connection is { IsOpen: true, Tracked: true });

            var shared = State.Rds("us-east-1").ClusterSnapshots["render-accounts-2026-11-30"];
            Assert.Equal(["444455556666"], shared.RestoreAccounts);
            Assert.Equal("render-accounts-2026-11-30", Assert.Single(fixture.Range.GroundTruth!.SharedClusterSnapshots).DbSnapshotIdentifier);
        }
    }

    [Fact]
    public void The_shared_cluster_snapshot_is_encrypted_with_a_customer_key_which_is_what_lets_RDS_share_it()
    {
        lock (State.Sync)
        {
            var shared = State.Rds("us-east-1").ClusterSnapshots["render-accounts-2026-11-30"];
            Assert.True(shared.StorageEncrypted);
            var key = Assert.Single(State.Kms("us-east-1").Keys, k => k.Arn == shared.KmsKeyId);
            Assert.Equal("CUSTOMER", key.KeyManager);
            Assert.False(State.EncryptedWithAwsManagedKey("us-east-1", shared.StorageEncrypted, shared.KmsKeyId));
        }
    }
}
