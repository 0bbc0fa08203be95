using Shodo.Range.Tests.Infrastructure;
using static Shodo.Range.Tests.Ec2.Ec2CliJson;

namespace Shodo.Range.Tests.Ec2;

/// <summary>
/// What EC2 refuses when encrypted disks are shared, through the real AWS CLI: an EBS snapshot encrypted with the AWS managed
/// key aws/ebs given to another account (OperationNotPermitted) or made public, and an AMI on such a disk given to another
/// account (InvalidParameter); the same snapshot and image on a customer key are shared as before, and removing a permission
/// is never refused.
/// </summary>
public sealed class Ec2EncryptedSharingCliTests(RangeFixture fixture) : IClassFixture<RangeFixture>
{
    private const string Region = "ca-central-1", Outside = "444455556666";
    private AwsCli Cli => fixture.Cli.InRegion(Region);

    /// <summary>An instance whose root volume is encrypted with <paramref name="keyArn"/> (as a scenario seeds it).</summary>
    private async Task<(string Instance, string Volume)> EncryptedInstanceAsync(string keyArn)
    {
        var instance = (await Cli.OkAsync("ec2", "run-instances", "--image-id", ImageId, "--instance-type", "t3.micro", "--count", "1"))
            .Items("Instances").Single().Str("InstanceId");
        var volume = (await Cli.OkAsync("ec2", "describe-volumes", "--filters", $"Name=attachment.instance-id,Values={instance}"))
            .Items("Volumes").Single().Str("VolumeId");
        lock (fixture.Range.State.Sync)
        {
            var v = fixture.Range.State.Ec2(Region).FindVolume(volume)!;
            (v.Encrypted, v.KmsKeyId) = (true, keyArn);
        }
        return (instance, volume);
    }

    private string ManagedKey() => fixture.Range.State.AwsManagedKey(Region, "aws/ebs").Arn;

    [Fact]
    public async Task A_snapshot_encrypted_with_the_default_key_cannot_be_shared_or_made_public_and_one_on_a_customer_key_can()
    {
        var (_, volume) = await EncryptedInstanceAsync(ManagedKey());
        var snapshot = (await Cli.OkAsync("ec2", "create-snapshot", "--volume-id", volume)).Str("SnapshotId");
        var described = (await Cli.OkAsync("ec2", "describe-snapshots", "--snapshot-ids", snapshot)).Items("Snapshots").Single();
        Assert.Equal(ManagedKey(), described.Str("KmsKeyId"));

        var refused = await Cli.FailsWithAsync("OperationNotPermitted", "ec2", "modify-snapshot-attribute", "--snapshot-id", snapshot,
            "--attribute", "createVolumePermission", "--operation-type", "add", "--user-ids", Outside);
        Assert.Equal("Encrypted snapshots with EBS default key cannot be shared", refused.ErrorMessage);
        await Cli.FailsWithAsync("OperationNotPermitted", "ec2", "modify-snapshot-attribute", "--snapshot-id", snapshot,
            "--create-volume-permission", "Add=[{Group=all}]");
        lock (fixture.Range.State.Sync)
            Assert.Empty(fixture.Range.State.Ec2(Region).Snapshots.Single(s => s.SnapshotId == snapshot).CreateVolumePermissions);
        // Removing is what a responder does: never refused.
        await Cli.OkAsync("ec2", "modify-snapshot-attribute", "--snapshot-id", snapshot, "--attribute", "createVolumePermission",
            "--operation-type", "remove", "--user-ids", Outside);

        var customer = fixture.Range.State.CreateKmsKey(Region, description: "shareable").Arn;
        var (_, other) = await EncryptedInstanceAsync(customer);
        var shareable = (await Cli.OkAsync("ec2", "create-snapshot", "--volume-id", other)).Str("SnapshotId");
        await Cli.OkAsync("ec2", "modify-snapshot-attribute", "--snapshot-id", shareable, "--attribute", "createVolumePermission",
            "--operation-type", "add", "--user-ids", Outside);
        // Encrypted, even with a customer key, it cannot be made public.
        await Cli.FailsWithAsync("OperationNotPermitted", "ec2", "modify-snapshot-attribute", "--snapshot-id", shareable,
            "--attribute", "createVolumePermission", "--operation-type", "add", "--group-names", "all");
        lock (fixture.Range.State.Sync)
            Assert.Equal([Outside], fixture.Range.State.Ec2(Region).Snapshots.Single(s => s.SnapshotId == shareable).CreateVolumePermissions);
    }

    [Fact]
    public async Task An_image_on_a_disk_encrypted_with_the_default_key_cannot_be_shared_and_one_on_a_customer_key_can()
    {
        var (instance, _) = await EncryptedInstanceAsync(ManagedKey());
        var image = (await Cli.OkAsync("ec2", "create-image", "--instance-id", instance, "--name", fixture.Unique("managed"))).Str("ImageId");
        var refused = await Cli.FailsWithAsync("InvalidParameter", "ec2", "modify-image-attribute", "--image-id", image,
            "--launch-permission", $"Add=[{{UserId={Outside}}}]");
        Assert.Equal("Snapshots encrypted with the AWS Managed CMK can\u2019t be shared. Specify another snapshot.", refused.ErrorMessage);
        lock (fixture.Range.State.Sync) Assert.Empty(fixture.Range.State.Ec2(Region).Images.Single(i => i.ImageId == image).LaunchPermissions);
        await Cli.OkAsync("ec2", "modify-image-attribute", "--image-id", image, "--attribute", "launchPermission",
            "--operation-type", "remove", "--user-ids", Outside);

        var (shareable, _) = await EncryptedInstanceAsync(fixture.Range.State.CreateKmsKey(Region, description: "shareable").Arn);
        var copy = (await Cli.OkAsync("ec2", "create-image", "--instance-id", shareable, "--name", fixture.Unique("customer"))).Str("ImageId");
        await Cli.OkAsync("ec2", "modify-image-attribute", "--image-id", copy, "--attribute", "launchPermission",
            "--operation-type", "add", "--user-ids", Outside);
        lock (fixture.Range.State.Sync) Assert.Equal([Outside], fixture.Range.State.Ec2(Region).Images.Single(i => i.ImageId == copy).LaunchPermissions);
    }

    [Fact]
    public async Task An_image_on_an_encrypted_disk_cannot_be_made_public_whatever_key_encrypts_it_and_an_unencrypted_one_can()
    {
        var (instance, _) = await EncryptedInstanceAsync(fixture.Range.State.CreateKmsKey(Region, description: "web disks").Arn);
        var image = (await Cli.OkAsync("ec2", "create-image", "--instance-id", instance, "--name", fixture.Unique("encrypted"))).Str("ImageId");
        await Cli.FailsWithAsync("InvalidParameter", "ec2", "modify-image-attribute", "--image-id", image,
            "--launch-permission", "Add=[{Group=all}]");
        await Cli.FailsWithAsync("InvalidParameter", "ec2", "modify-image-attribute", "--image-id", image, "--attribute", "launchPermission",
            "--operation-type", "add", "--user-groups", "all");
        // Public alongside an account in one call: nothing of it is applied.
        await Cli.FailsWithAsync("InvalidParameter", "ec2", "modify-image-attribute", "--image-id", image,
            "--launch-permission", $"Add=[{{UserId={Outside}}},{{Group=all}}]");
        lock (fixture.Range.State.Sync) Assert.Empty(fixture.Range.State.Ec2(Region).Images.Single(i => i.ImageId == image).LaunchPermissions);
        Assert.Empty((await Cli.OkAsync("ec2", "describe-images", "--owners", "self", "--filters", "Name=is-public,Values=true"))
            .Items("Images").Where(i => i.Str("ImageId") == image));
        // Removing "all" is never refused.
        await Cli.OkAsync("ec2", "modify-image-attribute", "--image-id", image, "--launch-permission", "Remove=[{Group=all}]");

        var plain = (await Cli.OkAsync("ec2", "run-instances", "--image-id", ImageId, "--instance-type", "t3.micro", "--count", "1"))
            .Items("Instances").Single().Str("InstanceId");
        var open = (await Cli.OkAsync("ec2", "create-image", "--instance-id", plain, "--name", fixture.Unique("plain"))).Str("ImageId");
        await Cli.OkAsync("ec2", "modify-image-attribute", "--image-id", open, "--launch-permission", "Add=[{Group=all}]");
        lock (fixture.Range.State.Sync) Assert.Equal(["all"], fixture.Range.State.Ec2(Region).Images.Single(i => i.ImageId == open).LaunchPermissions);
    }
}
