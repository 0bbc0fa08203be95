using System.Text.Json;
using Shodo.Range.Tests.Infrastructure;
using static Shodo.Range.Tests.Ec2.Ec2CliJson;

namespace Shodo.Range.Tests.Ec2;

/// <summary>
/// Sharing an EBS snapshot (its createVolumePermission) through the real AWS CLI, as botocore's ec2 model sends it:
/// the structured form (--create-volume-permission Add/Remove), the flat form (--operation-type with --user-ids /
/// --group-names all), and what EC2 refuses.
/// </summary>
public sealed class Ec2SnapshotSharingCliTests(RangeFixture fixture) : IClassFixture<RangeFixture>
{
    private AwsCli Cli => fixture.Cli.InRegion("eu-west-1");

    private async Task<string> SnapshotAsync()
    {
        var run = await Cli.OkAsync("ec2", "run-instances", "--image-id", ImageId, "--instance-type", "t3.micro", "--count", "1");
        var instance = run.Items("Instances").Single().Str("InstanceId");
        var volume = (await Cli.OkAsync("ec2", "describe-volumes", "--filters", $"Name=attachment.instance-id,Values={instance}"))
            .Items("Volumes").Single().Str("VolumeId");
        return (await Cli.OkAsync("ec2", "create-snapshot", "--volume-id", volume)).Str("SnapshotId");
    }

    private async Task<List<string>> PermissionsAsync(string snapshot)
    {
        var answer = await Cli.OkAsync("ec2", "describe-snapshot-attribute", "--snapshot-id", snapshot, "--attribute", "createVolumePermission");
        Assert.Equal(snapshot, answer.Str("SnapshotId"));
        return answer.GetProperty("CreateVolumePermissions").EnumerateArray()
            .Select(p => p.TryGetProperty("UserId", out var u) ? u.GetString()! : p.GetProperty("Group").GetString()!).ToList();
    }

    [Fact]
    public async Task Sharing_with_an_account_and_with_all_then_removing_them_reads_back_as_ec2_answers()
    {
        var snapshot = await SnapshotAsync();
        Assert.Empty(await PermissionsAsync(snapshot));

        await Cli.OkAsync("ec2", "modify-snapshot-attribute", "--snapshot-id", snapshot, "--attribute", "createVolumePermission",
            "--operation-type", "add", "--user-ids", "444455556666");
        await Cli.OkAsync("ec2", "modify-snapshot-attribute", "--snapshot-id", snapshot, "--attribute", "createVolumePermission",
            "--operation-type", "add", "--group-names", "all");
        Assert.Equal(["444455556666", "all"], await PermissionsAsync(snapshot));

        await Cli.OkAsync("ec2", "modify-snapshot-attribute", "--snapshot-id", snapshot,
            "--create-volume-permission", "Remove=[{UserId=444455556666},{Group=all}],Add=[{UserId=777788889999}]");
        Assert.Equal(["777788889999"], await PermissionsAsync(snapshot));

        lock (fixture.Range.State.Sync)
        {
            var record = fixture.Range.State.Calls.Last(c => c.EventName == "ModifySnapshotAttribute");
            Assert.False(record.ReadOnly);
            Assert.Equal(snapshot, (string?)record.RequestParameters!["snapshotId"]);
            // As CloudTrail writes it: createVolumePermission.add.items[].userId / .group, likewise remove.
            Assert.Equal("777788889999", (string?)record.RequestParameters["createVolumePermission"]!["add"]!["items"]![0]!["userId"]);
            Assert.Equal("all", (string?)record.RequestParameters["createVolumePermission"]!["remove"]!["items"]![1]!["group"]);
        }
    }

    [Fact]
    public async Task Ec2_refuses_an_unknown_snapshot_a_malformed_account_another_group_and_another_attribute()
    {
        var snapshot = await SnapshotAsync();
        await Cli.FailsWithAsync("InvalidSnapshot.NotFound", "ec2", "describe-snapshot-attribute", "--snapshot-id", "snap-0123456789abcdef0",
            "--attribute", "createVolumePermission");
        await Cli.FailsWithAsync("InvalidSnapshot.NotFound", "ec2", "modify-snapshot-attribute", "--snapshot-id", "snap-0123456789abcdef0",
            "--operation-type", "add", "--user-ids", "444455556666");
        await Cli.FailsWithAsync("InvalidUserID.Malformed", "ec2", "modify-snapshot-attribute", "--snapshot-id", snapshot,
            "--operation-type", "add", "--user-ids", "4444");
        await Cli.FailsWithAsync("InvalidParameterValue", "ec2", "modify-snapshot-attribute", "--snapshot-id", snapshot,
            "--operation-type", "add", "--group-names", "friends");
        await Cli.FailsWithAsync("InvalidParameterValue", "ec2", "modify-snapshot-attribute", "--snapshot-id", snapshot,
            "--attribute", "productCodes", "--operation-type", "add", "--user-ids", "444455556666");
        Assert.Empty(await PermissionsAsync(snapshot));
    }
}
