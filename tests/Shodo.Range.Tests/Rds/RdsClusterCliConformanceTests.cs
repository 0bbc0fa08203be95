using System.Text.Json;
using Shodo.Range.Tests.CloudTrail;
using Shodo.Range.Tests.Infrastructure;

namespace Shodo.Range.Tests.Rds;

/// <summary>Aurora clusters and cluster snapshots on the range, driven by the real AWS CLI (botocore's shapes and faults).</summary>
public sealed class RdsClusterCliConformanceTests(FrozenClockRangeFixture fixture) : IClassFixture<FrozenClockRangeFixture>
{
    private AwsCli Cli => fixture.Cli;
    private DateTimeOffset Now => fixture.Range.State.Clock.Now;

    private static List<string?> Ids(JsonElement root, string list, string member) =>
        root.GetProperty(list).EnumerateArray().Select(e => e.GetProperty(member).GetString()).ToList();

    [Fact]
    public async Task A_cluster_snapshot_shared_with_another_account_shows_in_its_restore_attribute()
    {
        var cluster = fixture.Unique("crm-aurora");
        // Encrypted with a customer key: RDS refuses to share a snapshot encrypted with the default aws/rds key.
        fixture.Range.State.CreateDbCluster("us-east-1", cluster, at: Now.AddDays(-90), databaseName: "crm",
            kmsKeyId: fixture.Range.State.CreateKmsKey("us-east-1").Arn);
        fixture.Range.State.CreateDbClusterSnapshot("us-east-1", $"{cluster}-manual", cluster, at: Now.AddHours(-1));
        fixture.Range.State.CreateDbClusterSnapshot("us-east-1", $"{cluster}-auto", cluster, "automated", Now.AddHours(-3));

        var clusters = await Cli.OkAsync("rds", "describe-db-clusters", "--db-cluster-identifier", cluster);
        var c = Assert.Single(clusters.GetProperty("DBClusters").EnumerateArray());
        Assert.Equal("aurora-postgresql", c.GetProperty("Engine").GetString());
        Assert.Equal("available", c.GetProperty("Status").GetString());
        Assert.Equal("crm", c.GetProperty("DatabaseName").GetString());
        Assert.Equal($"arn:aws:rds:us-east-1:{RangeInfo.DefaultAccountId}:cluster:{cluster}", c.GetProperty("DBClusterArn").GetString());
        await Cli.FailsWithAsync("DBClusterNotFoundFault", "rds", "describe-db-clusters", "--db-cluster-identifier", "no-such-cluster");

        var all = await Cli.OkAsync("rds", "describe-db-cluster-snapshots", "--db-cluster-identifier", cluster);
        Assert.Equal([$"{cluster}-auto", $"{cluster}-manual"], Ids(all, "DBClusterSnapshots", "DBClusterSnapshotIdentifier"));
        var manual = await Cli.OkAsync("rds", "describe-db-cluster-snapshots", "--db-cluster-identifier", cluster, "--snapshot-type", "manual");
        var snapshot = Assert.Single(manual.GetProperty("DBClusterSnapshots").EnumerateArray());
        Assert.Equal("available", snapshot.GetProperty("Status").GetString());
        Assert.Equal(cluster, snapshot.GetProperty("DBClusterIdentifier").GetString());
        await Cli.FailsWithAsync("DBClusterSnapshotNotFoundFault", "rds", "describe-db-cluster-snapshots",
            "--db-cluster-snapshot-identifier", "no-such-snapshot");

        var shared = await Cli.OkAsync("rds", "modify-db-cluster-snapshot-attribute", "--db-cluster-snapshot-identifier", $"{cluster}-manual",
            "--attribute-name", "restore", "--values-to-add", "444455556666");
        Assert.Equal("444455556666", shared.GetProperty("DBClusterSnapshotAttributesResult").GetProperty("DBClusterSnapshotAttributes")[0]
            .GetProperty("AttributeValues")[0].GetString());
        var attributes = await Cli.OkAsync("rds", "describe-db-cluster-snapshot-attributes", "--db-cluster-snapshot-identifier", $"{cluster}-manual");
        var result = attributes.GetProperty("DBClusterSnapshotAttributesResult");
        Assert.Equal($"{cluster}-manual", result.GetProperty("DBClusterSnapshotIdentifier").GetString());
        var restore = Assert.Single(result.GetProperty("DBClusterSnapshotAttributes").EnumerateArray());
        Assert.Equal("restore", restore.GetProperty("AttributeName").GetString());
        Assert.Equal(["444455556666"], restore.GetProperty("AttributeValues").EnumerateArray().Select(v => v.GetString()));
        // Un-sharing (what close-data-door sends) empties the attribute again.
        var unshared = await Cli.OkAsync("rds", "modify-db-cluster-snapshot-attribute", "--db-cluster-snapshot-identifier", $"{cluster}-manual",
            "--attribute-name", "restore", "--values-to-remove", "444455556666");
        Assert.Empty(unshared.GetProperty("DBClusterSnapshotAttributesResult").GetProperty("DBClusterSnapshotAttributes")[0]
            .GetProperty("AttributeValues").EnumerateArray());

        var refused = await Cli.FailsWithAsync("InvalidDBClusterSnapshotStateFault", "rds", "modify-db-cluster-snapshot-attribute",
            "--db-cluster-snapshot-identifier", $"{cluster}-auto", "--attribute-name", "restore", "--values-to-add", "444455556666");
        Assert.Contains("manual", refused.ErrorMessage);
    }

    [Fact]
    public async Task An_encrypted_cluster_and_its_snapshots_name_their_kms_key_as_botocore_reads_it()
    {
        var cluster = fixture.Unique("ledger-aurora");
        var key = fixture.Range.State.CreateKmsKey("us-east-1");
        fixture.Range.State.CreateDbCluster("us-east-1", cluster, at: Now.AddDays(-30), kmsKeyId: key.Arn);
        fixture.Range.State.CreateDbClusterSnapshot("us-east-1", $"{cluster}-manual", cluster, at: Now.AddHours(-1));

        var c = Assert.Single((await Cli.OkAsync("rds", "describe-db-clusters", "--db-cluster-identifier", cluster)).GetProperty("DBClusters").EnumerateArray());
        Assert.True(c.GetProperty("StorageEncrypted").GetBoolean());
        Assert.Equal(key.Arn, c.GetProperty("KmsKeyId").GetString());
        var s = Assert.Single((await Cli.OkAsync("rds", "describe-db-cluster-snapshots", "--db-cluster-snapshot-identifier", $"{cluster}-manual"))
            .GetProperty("DBClusterSnapshots").EnumerateArray());
        Assert.True(s.GetProperty("StorageEncrypted").GetBoolean());
        Assert.Equal(key.Arn, s.GetProperty("KmsKeyId").GetString());
    }
}
