using Shodo.Range.Tests.Infrastructure;
using static Shodo.Range.Tests.Ec2.Ec2CliJson;

namespace Shodo.Range.Tests.Ec2;

/// <summary>
/// An AMI made from an instance and shared (its launchPermission) through the real AWS CLI, as botocore's ec2 model sends
/// it: the structured form (--launch-permission Add/Remove), the flat form (--operation-type with --user-ids / --user-groups
/// all), and what EC2 refuses (a malformed or unknown image id, a duplicate name, a malformed account id).
/// </summary>
public sealed class Ec2ImageSharingCliTests(RangeFixture fixture) : IClassFixture<RangeFixture>
{
    private AwsCli Cli => fixture.Cli.InRegion("eu-west-2");

    private async Task<List<string>> PermissionsAsync(string image)
    {
        var answer = await Cli.OkAsync("ec2", "describe-image-attribute", "--image-id", image, "--attribute", "launchPermission");
        Assert.Equal(image, answer.Str("ImageId"));
        return answer.GetProperty("LaunchPermissions").EnumerateArray()
            .Select(p => p.TryGetProperty("UserId", out var u) ? u.GetString()! : p.GetProperty("Group").GetString()!).ToList();
    }

    [Fact]
    public async Task An_image_shared_with_an_account_and_with_all_then_unshared_reads_back_as_ec2_answers()
    {
        var run = await Cli.OkAsync("ec2", "run-instances", "--image-id", ImageId, "--instance-type", "t3.micro", "--count", "1");
        var instance = run.Items("Instances").Single().Str("InstanceId");
        var name = fixture.Unique("backup");
        var image = (await Cli.OkAsync("ec2", "create-image", "--instance-id", instance, "--name", name)).Str("ImageId");
        Assert.StartsWith("ami-", image);
        await Cli.FailsWithAsync("InvalidAMIName.Duplicate", "ec2", "create-image", "--instance-id", instance, "--name", name);
        Assert.Empty(await PermissionsAsync(image));

        await Cli.OkAsync("ec2", "modify-image-attribute", "--image-id", image, "--attribute", "launchPermission",
            "--operation-type", "add", "--user-ids", "444455556666");
        await Cli.OkAsync("ec2", "modify-image-attribute", "--image-id", image, "--launch-permission", "Add=[{Group=all}]");
        Assert.Equal(["444455556666", "all"], await PermissionsAsync(image));

        await Cli.OkAsync("ec2", "modify-image-attribute", "--image-id", image,
            "--launch-permission", "Remove=[{UserId=444455556666},{Group=all}],Add=[{UserId=777788889999}]");
        Assert.Equal(["777788889999"], await PermissionsAsync(image));
        await Cli.OkAsync("ec2", "modify-image-attribute", "--image-id", image, "--attribute", "launchPermission",
            "--operation-type", "remove", "--user-ids", "777788889999");
        Assert.Empty(await PermissionsAsync(image));

        await Cli.FailsWithAsync("InvalidUserID.Malformed", "ec2", "modify-image-attribute", "--image-id", image,
            "--launch-permission", "Add=[{UserId=4444}]");
        await Cli.FailsWithAsync("InvalidAMIID.NotFound", "ec2", "describe-image-attribute", "--image-id", "ami-0123456789abcdef0",
            "--attribute", "launchPermission");
        await Cli.FailsWithAsync("InvalidAMIID.Malformed", "ec2", "modify-image-attribute", "--image-id", "image-1",
            "--launch-permission", "Add=[{UserId=444455556666}]");
        lock (fixture.Range.State.Sync)
            Assert.Contains(fixture.Range.State.Calls, c => c.EventName == "ModifyImageAttribute" && c.ErrorCode is null
                && c.RequestParameters?.ToJsonString().Contains("444455556666") == true);
    }
}
