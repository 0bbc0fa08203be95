using Shodo.Range.Tests.CloudTrail;
using Shodo.Range.Tests.Infrastructure;

namespace Shodo.Range.Tests.Rds;

/// <summary>
/// What RDS refuses when an encrypted DB snapshot or cluster snapshot is shared, through the real AWS CLI: sharing it with
/// another account while the default AWS managed key aws/rds encrypts it, and making it public at all (InvalidParameterValue);
/// on a customer key it is shared with a named account as before, and removing an account is never refused.
/// </summary>
public sealed class RdsEncryptedSnapshotSharingCliTests(FrozenClockRangeFixture fixture) : IClassFixture<FrozenClockRangeFixture>
{
    private const string Region = "us-east-1", Outside = "444455556666";
    private AwsCli Cli => fixture.Cli;
    private DateTimeOffset Now => fixture.Range.State.Clock.Now;

    private List<string> Restore(string snapshot, bool cluster)
    {
        lock (fixture.Range.State.Sync)
            return cluster
                ? [.. fixture.Range.State.Rds(Region).ClusterSnapshots[snapshot].RestoreAccounts]
                : [.. fixture.Range.State.Rds(Region).Snapshots[snapshot].RestoreAccounts];
    }

    [Fact]
    public async Task A_DB_snapshot_on_the_default_key_is_not_shared_and_one_on_a_customer_key_is_but_never_as_public()
    {
        var state = fixture.Range.State;
        var managed = fixture.Unique("managed-db");
        state.CreateDbInstance(Region, managed, at: Now.AddDays(-30), kmsKeyId: state.AwsManagedKey(Region, "aws/rds").Arn);
        state.CreateDbSnapshot(Region, managed + "-snap", managed, at: Now.AddHours(-1));
        var refused = await Cli.FailsWithAsync("InvalidParameterValue", "rds", "modify-db-snapshot-attribute", "--db-snapshot-identifier",
            managed + "-snap", "--attribute-name", "restore", "--values-to-add", Outside);
        Assert.Contains("default KMS key", refused.ErrorMessage);
        Assert.Empty(Restore(managed + "-snap", cluster: false));
        await Cli.OkAsync("rds", "modify-db-snapshot-attribute", "--db-snapshot-identifier", managed + "-snap", "--attribute-name", "restore",
            "--values-to-remove", Outside);

        var customer = fixture.Unique("customer-db");
        state.CreateDbInstance(Region, customer, at: Now.AddDays(-30), kmsKeyId: state.CreateKmsKey(Region, description: "crm").Arn);
        state.CreateDbSnapshot(Region, customer + "-snap", customer, at: Now.AddHours(-1));
        await Cli.OkAsync("rds", "modify-db-snapshot-attribute", "--db-snapshot-identifier", customer + "-snap", "--attribute-name", "restore",
            "--values-to-add", Outside);
        await Cli.FailsWithAsync("InvalidParameterValue", "rds", "modify-db-snapshot-attribute", "--db-snapshot-identifier", customer + "-snap",
            "--attribute-name", "restore", "--values-to-add", "all");
        Assert.Equal([Outside], Restore(customer + "-snap", cluster: false));

        // Unencrypted, a snapshot may be made public (as RDS allows).
        var plain = fixture.Unique("plain-db");
        state.CreateDbInstance(Region, plain, at: Now.AddDays(-30));
        state.CreateDbSnapshot(Region, plain + "-snap", plain, at: Now.AddHours(-1));
        await Cli.OkAsync("rds", "modify-db-snapshot-attribute", "--db-snapshot-identifier", plain + "-snap", "--attribute-name", "restore",
            "--values-to-add", "all");
        Assert.Equal(["all"], Restore(plain + "-snap", cluster: false));
    }

    [Fact]
    public async Task A_cluster_snapshot_on_the_default_key_is_not_shared_and_one_on_a_customer_key_is()
    {
        var state = fixture.Range.State;
        var managed = fixture.Unique("aurora-default");
        state.CreateDbCluster(Region, managed, at: Now.AddDays(-30));
        state.CreateDbClusterSnapshot(Region, managed + "-snap", managed, at: Now.AddHours(-1));
        var refused = await Cli.FailsWithAsync("InvalidParameterValue", "rds", "modify-db-cluster-snapshot-attribute",
            "--db-cluster-snapshot-identifier", managed + "-snap", "--attribute-name", "restore", "--values-to-add", Outside);
        Assert.Contains("default KMS key", refused.ErrorMessage);
        Assert.Empty(Restore(managed + "-snap", cluster: true));

        var customer = fixture.Unique("aurora-customer");
        var key = state.CreateKmsKey(Region, description: "aurora").Arn;
        state.CreateDbCluster(Region, customer, at: Now.AddDays(-30), kmsKeyId: key);
        state.CreateDbClusterSnapshot(Region, customer + "-snap", customer, at: Now.AddHours(-1));
        var described = await Cli.OkAsync("rds", "describe-db-cluster-snapshots", "--db-cluster-snapshot-identifier", customer + "-snap");
        Assert.Equal(key, described.GetProperty("DBClusterSnapshots")[0].GetProperty("KmsKeyId").GetString());
        await Cli.OkAsync("rds", "modify-db-cluster-snapshot-attribute", "--db-cluster-snapshot-identifier", customer + "-snap",
            "--attribute-name", "restore", "--values-to-add", Outside);
        await Cli.FailsWithAsync("InvalidParameterValue", "rds", "modify-db-cluster-snapshot-attribute", "--db-cluster-snapshot-identifier",
            customer + "-snap", "--attribute-name", "restore", "--values-to-add", "all");
        Assert.Equal([Outside], Restore(customer + "-snap", cluster: true));
    }
}
