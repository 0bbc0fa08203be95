using System.Text.Json;
using Shodo.Range.Tests.CloudTrail;
using Shodo.Range.Tests.Infrastructure;

namespace Shodo.Range.Tests.Rds;

/// <summary>
/// RDS on the range, driven by the real AWS CLI, asserting on its parsed output. The clock stands
/// still so a snapshot stays "creating" until the test moves time on.
/// </summary>
public sealed class RdsCliConformanceTests(FrozenClockRangeFixture fixture) : IClassFixture<FrozenClockRangeFixture>
{
    private AwsCli Cli => fixture.Cli;
    private DateTimeOffset Now => fixture.Range.State.Clock.Now;

    private static List<string?> Ids(JsonElement root, string list, string member) =>
        root.GetProperty(list).EnumerateArray().Select(e => e.GetProperty(member).GetString()).ToList();

    [Fact]
    public async Task DescribeDBInstances_lists_the_region_and_finds_one_by_identifier()
    {
        var db = fixture.Unique("prod-db");
        fixture.Range.State.CreateDbInstance("us-east-1", db, dbName: "customers", at: Now.AddDays(-30));
        fixture.Range.State.CreateDbInstance("eu-west-1", fixture.Unique("eu-db"));

        var all = await Cli.OkAsync("rds", "describe-db-instances");
        Assert.Contains(db, Ids(all, "DBInstances", "DBInstanceIdentifier"));
        Assert.DoesNotContain(Ids(all, "DBInstances", "DBInstanceIdentifier"), id => id!.StartsWith("eu-db"));

        var one = await Cli.OkAsync("rds", "describe-db-instances", "--db-instance-identifier", db);
        var instance = Assert.Single(one.GetProperty("DBInstances").EnumerateArray());
        Assert.Equal("available", instance.GetProperty("DBInstanceStatus").GetString());
        Assert.Equal("postgres", instance.GetProperty("Engine").GetString());
        Assert.Equal("customers", instance.GetProperty("DBName").GetString());
        Assert.Equal(5432, instance.GetProperty("Endpoint").GetProperty("Port").GetInt32());
        Assert.Equal($"arn:aws:rds:us-east-1:{RangeInfo.DefaultAccountId}:db:{db}", instance.GetProperty("DBInstanceArn").GetString());

        await Cli.FailsWithAsync("DBInstanceNotFound", "rds", "describe-db-instances", "--db-instance-identifier", "no-such-db");
    }

    [Fact]
    public async Task DescribeDBSnapshots_filters_by_type_and_instance_and_pages_with_Marker()
    {
        var db = fixture.Unique("paged-db");
        fixture.Range.State.CreateDbInstance("us-east-1", db, at: Now.AddDays(-30));
        for (var i = 0; i < 23; i++)
            fixture.Range.State.CreateDbSnapshot("us-east-1", $"{db}-auto-{i:00}", db, "automated", Now.AddDays(-i - 1));
        fixture.Range.State.CreateDbSnapshot("us-east-1", $"{db}-manual", db, "manual", Now.AddHours(-2));

        var all = await Cli.OkAsync("rds", "describe-db-snapshots", "--db-instance-identifier", db, "--page-size", "20");
        Assert.Equal(24, all.GetProperty("DBSnapshots").GetArrayLength());

        var manual = await Cli.OkAsync("rds", "describe-db-snapshots", "--db-instance-identifier", db, "--snapshot-type", "manual");
        var snapshot = Assert.Single(manual.GetProperty("DBSnapshots").EnumerateArray());
        Assert.Equal($"{db}-manual", snapshot.GetProperty("DBSnapshotIdentifier").GetString());
        Assert.Equal("available", snapshot.GetProperty("Status").GetString());
        Assert.Equal("manual", snapshot.GetProperty("SnapshotType").GetString());

        var page = await Cli.OkAsync("rds", "describe-db-snapshots", "--db-instance-identifier", db,
            "--snapshot-type", "automated", "--max-items", "20", "--page-size", "20");
        Assert.Equal(20, page.GetProperty("DBSnapshots").GetArrayLength());
        var rest = await Cli.OkAsync("rds", "describe-db-snapshots", "--db-instance-identifier", db,
            "--snapshot-type", "automated", "--page-size", "20", "--starting-token", page.GetProperty("NextToken").GetString()!);
        Assert.Equal([$"{db}-auto-20", $"{db}-auto-21", $"{db}-auto-22"], Ids(rest, "DBSnapshots", "DBSnapshotIdentifier"));

        var filtered = await Cli.OkAsync("rds", "describe-db-snapshots", "--filters", $"Name=db-snapshot-id,Values={db}-auto-03,{db}-manual");
        Assert.Equal([$"{db}-auto-03", $"{db}-manual"], Ids(filtered, "DBSnapshots", "DBSnapshotIdentifier"));

        await Cli.FailsWithAsync("DBSnapshotNotFound", "rds", "describe-db-snapshots", "--db-snapshot-identifier", "no-such-snapshot");
        await Cli.FailsWithAsync("InvalidParameterValue", "rds", "describe-db-snapshots", "--max-records", "5");
    }

    [Fact]
    public async Task An_encrypted_instance_and_its_snapshot_name_their_KMS_key_and_an_unencrypted_one_names_none()
    {
        var key = fixture.Range.State.CreateKmsKey("us-east-1");
        var db = fixture.Unique("sealed-db");
        fixture.Range.State.CreateDbInstance("us-east-1", db, at: Now.AddDays(-30), kmsKeyId: key.Arn);
        fixture.Range.State.CreateDbSnapshot("us-east-1", $"{db}-manual", db, "manual", Now.AddHours(-2));
        var plain = fixture.Unique("plain-db");
        fixture.Range.State.CreateDbInstance("us-east-1", plain, at: Now.AddDays(-30));
        fixture.Range.State.CreateDbSnapshot("us-east-1", $"{plain}-manual", plain, "manual", Now.AddHours(-2));

        var instance = Assert.Single((await Cli.OkAsync("rds", "describe-db-instances", "--db-instance-identifier", db))
            .GetProperty("DBInstances").EnumerateArray());
        Assert.True(instance.GetProperty("StorageEncrypted").GetBoolean());
        Assert.Equal(key.Arn, instance.GetProperty("KmsKeyId").GetString());
        var snapshot = Assert.Single((await Cli.OkAsync("rds", "describe-db-snapshots", "--db-snapshot-identifier", $"{db}-manual"))
            .GetProperty("DBSnapshots").EnumerateArray());
        Assert.True(snapshot.GetProperty("Encrypted").GetBoolean());
        Assert.Equal(key.Arn, snapshot.GetProperty("KmsKeyId").GetString());

        var unencrypted = Assert.Single((await Cli.OkAsync("rds", "describe-db-snapshots", "--db-snapshot-identifier", $"{plain}-manual"))
            .GetProperty("DBSnapshots").EnumerateArray());
        Assert.False(unencrypted.GetProperty("Encrypted").GetBoolean());
        Assert.False(unencrypted.TryGetProperty("KmsKeyId", out _));
    }

    [Fact]
    public async Task Sharing_a_snapshot_with_another_account_shows_in_its_restore_attribute()
    {
        var db = fixture.Unique("shared-db");
        fixture.Range.State.CreateDbInstance("us-east-1", db, at: Now.AddDays(-30));
        var snap = $"{db}-snap";
        fixture.Range.State.CreateDbSnapshot("us-east-1", snap, db, at: Now.AddHours(-1));

        var before = await Cli.OkAsync("rds", "describe-db-snapshot-attributes", "--db-snapshot-identifier", snap);
        var attribute = before.GetProperty("DBSnapshotAttributesResult").GetProperty("DBSnapshotAttributes")[0];
        Assert.Equal("restore", attribute.GetProperty("AttributeName").GetString());
        Assert.Equal(0, attribute.GetProperty("AttributeValues").GetArrayLength());

        var shared = await Cli.OkAsync("rds", "modify-db-snapshot-attribute", "--db-snapshot-identifier", snap,
            "--attribute-name", "restore", "--values-to-add", "444455556666", "777788889999");
        Assert.Equal(["444455556666", "777788889999"], shared.GetProperty("DBSnapshotAttributesResult")
            .GetProperty("DBSnapshotAttributes")[0].GetProperty("AttributeValues").EnumerateArray().Select(v => v.GetString()));

        await Cli.OkAsync("rds", "modify-db-snapshot-attribute", "--db-snapshot-identifier", snap,
            "--attribute-name", "restore", "--values-to-remove", "777788889999", "--values-to-add", "all");
        var after = await Cli.OkAsync("rds", "describe-db-snapshot-attributes", "--db-snapshot-identifier", snap);
        Assert.Equal(["444455556666", "all"], after.GetProperty("DBSnapshotAttributesResult")
            .GetProperty("DBSnapshotAttributes")[0].GetProperty("AttributeValues").EnumerateArray().Select(v => v.GetString()));

        var record = fixture.Range.State.Calls.Last(c => c.EventName == "ModifyDBSnapshotAttribute" && c.ErrorCode is null);
        Assert.Equal("rds.amazonaws.com", record.EventSource);
        Assert.Equal(snap, record.RequestParameters!["dBSnapshotIdentifier"]!.GetValue<string>());
        Assert.Equal("all", record.RequestParameters["valuesToAdd"]![0]!.GetValue<string>());

        await Cli.FailsWithAsync("InvalidParameterValue", "rds", "modify-db-snapshot-attribute", "--db-snapshot-identifier", snap,
            "--attribute-name", "copy", "--values-to-add", "444455556666");
        await Cli.FailsWithAsync("DBSnapshotNotFound", "rds", "describe-db-snapshot-attributes", "--db-snapshot-identifier", "nope");
    }

    [Fact]
    public async Task CreateDBSnapshot_is_creating_then_available_and_only_then_shareable()
    {
        var db = fixture.Unique("new-db");
        fixture.Range.State.CreateDbInstance("us-east-1", db, at: Now.AddDays(-30));
        var created = await Cli.OkAsync("rds", "create-db-snapshot", "--db-instance-identifier", db,
            "--db-snapshot-identifier", $"{db}-manual");
        Assert.Equal("creating", created.GetProperty("DBSnapshot").GetProperty("Status").GetString());
        await Cli.FailsWithAsync("DBSnapshotAlreadyExists", "rds", "create-db-snapshot", "--db-instance-identifier", db,
            "--db-snapshot-identifier", $"{db}-manual");
        await Cli.FailsWithAsync("DBInstanceNotFound", "rds", "create-db-snapshot", "--db-instance-identifier", "no-such-db",
            "--db-snapshot-identifier", "x-snap");
        await Cli.FailsWithAsync("InvalidDBSnapshotState", "rds", "modify-db-snapshot-attribute", "--db-snapshot-identifier",
            $"{db}-manual", "--attribute-name", "restore", "--values-to-add", "444455556666");

        fixture.Time.Advance(TimeSpan.FromMinutes(1));
        var later = await Cli.OkAsync("rds", "describe-db-snapshots", "--db-snapshot-identifier", $"{db}-manual");
        Assert.Equal("available", later.GetProperty("DBSnapshots")[0].GetProperty("Status").GetString());
        await Cli.OkAsync("rds", "modify-db-snapshot-attribute", "--db-snapshot-identifier",
            $"{db}-manual", "--attribute-name", "restore", "--values-to-add", "444455556666");
    }
}
