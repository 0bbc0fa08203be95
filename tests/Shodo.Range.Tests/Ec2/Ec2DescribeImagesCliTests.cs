using Amazon.EC2;
using Amazon.EC2.Model;
using Amazon.Runtime;
using Shodo.Range.Tests.Infrastructure;
using static Shodo.Range.Tests.Ec2.Ec2CliJson;

namespace Shodo.Range.Tests.Ec2;

/// <summary>
/// DescribeImages as the real AWS CLI sends it (botocore's ec2 model): the account's own images (--owners self), by id, by
/// filter (is-public, name, the snapshot behind a block device), each with its state, creation date, public flag and the
/// snapshot CreateImage took of each volume; what EC2 refuses (an unknown or malformed id); and MaxResults / NextToken paging
/// as the AWS SDK's newer model sends it (refused beside image ids).
/// </summary>
public sealed class Ec2DescribeImagesCliTests(RangeFixture fixture) : IClassFixture<RangeFixture>
{
    private const string Region = "eu-west-3";
    private AwsCli Cli => fixture.Cli.InRegion(Region);

    private async Task<string> ImageAsync(string name)
    {
        var run = await Cli.OkAsync("ec2", "run-instances", "--image-id", ImageId, "--instance-type", "t3.micro", "--count", "1");
        var instance = run.Items("Instances").Single().Str("InstanceId");
        return (await Cli.OkAsync("ec2", "create-image", "--instance-id", instance, "--name", name)).Str("ImageId");
    }

    [Fact]
    public async Task The_accounts_images_read_back_with_state_public_flag_and_the_snapshot_of_each_disk()
    {
        var name = fixture.Unique("backup");
        var image = await ImageAsync(name);
        var shared = await ImageAsync(fixture.Unique("shared"));
        await Cli.OkAsync("ec2", "modify-image-attribute", "--image-id", shared, "--launch-permission", "Add=[{Group=all}]");

        var mine = (await Cli.OkAsync("ec2", "describe-images", "--owners", "self")).Items("Images").ToDictionary(i => i.Str("ImageId"));
        Assert.Contains(image, mine.Keys);
        var one = mine[image];
        Assert.Equal(name, one.Str("Name"));
        Assert.Equal("pending", one.Str("State"));
        Assert.False(one.GetProperty("Public").GetBoolean());
        Assert.True(mine[shared].GetProperty("Public").GetBoolean());
        Assert.Equal(fixture.Range.State.AccountId, one.Str("OwnerId"));
        Assert.True(DateTimeOffset.TryParse(one.Str("CreationDate"), out _));
        var device = Assert.Single(one.Items("BlockDeviceMappings"));
        var snapshot = device.GetProperty("Ebs").Str("SnapshotId");
        Assert.StartsWith("snap-", snapshot);
        var taken = (await Cli.OkAsync("ec2", "describe-snapshots", "--snapshot-ids", snapshot)).Items("Snapshots").Single();
        Assert.Contains(image, taken.Str("Description"));

        var byId = (await Cli.OkAsync("ec2", "describe-images", "--image-ids", image)).Items("Images").Single();
        Assert.Equal(image, byId.Str("ImageId"));
        var byFilter = await Cli.OkAsync("ec2", "describe-images", "--owners", "self", "--filters", "Name=is-public,Values=true",
            $"Name=block-device-mapping.snapshot-id,Values={mine[shared].Items("BlockDeviceMappings").Single().GetProperty("Ebs").Str("SnapshotId")}");
        Assert.Equal([shared], byFilter.Items("Images").Select(i => i.Str("ImageId")));
        Assert.Empty((await Cli.OkAsync("ec2", "describe-images", "--owners", "amazon", "--filters", $"Name=name,Values={name}")).Items("Images"));
        Assert.Equal([shared], (await Cli.OkAsync("ec2", "describe-images", "--executable-users", "all", "--filters",
            $"Name=image-id,Values={image},{shared}")).Items("Images").Select(i => i.Str("ImageId")));

        await Cli.FailsWithAsync("InvalidAMIID.NotFound", "ec2", "describe-images", "--image-ids", "ami-0123456789abcdef0");
        await Cli.FailsWithAsync("InvalidAMIID.Malformed", "ec2", "describe-images", "--image-ids", "image-1");
        await Cli.FailsWithAsync("InvalidParameterValue", "ec2", "describe-images", "--filters", "Name=no-such-filter,Values=x");
    }

    [Fact]
    public async Task The_sdk_pages_the_accounts_images_and_ec2_refuses_max_results_beside_image_ids()
    {
        var images = new List<string>();
        for (var i = 0; i < 6; i++) images.Add(await ImageAsync(fixture.Unique("paged")));
        using var ec2 = new AmazonEC2Client(
            new BasicAWSCredentials(fixture.Range.Responder.AccessKeyId, fixture.Range.Responder.SecretAccessKey),
            new AmazonEC2Config { ServiceURL = fixture.Range.Url.ToString(), AuthenticationRegion = Region, MaxErrorRetry = 0 });

        var seen = new List<string>();
        string? token = null;
        var pages = 0;
        do
        {
            var page = await ec2.DescribeImagesAsync(new DescribeImagesRequest
            {
                Owners = ["self"], MaxResults = 5, NextToken = token, Filters = [new Filter("name", ["paged*"])],
            });
            seen.AddRange(page.Images.Select(i => i.ImageId));
            token = page.NextToken;
            pages++;
        } while (token is not null);
        Assert.Equal(2, pages);
        Assert.Equal(images.Order(), seen.Order());

        var refused = await Assert.ThrowsAsync<AmazonEC2Exception>(() =>
            ec2.DescribeImagesAsync(new DescribeImagesRequest { ImageIds = [images[0]], MaxResults = 5 }));
        Assert.Equal("InvalidParameterCombination", refused.ErrorCode);
    }
}
