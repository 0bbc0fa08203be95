using Shodo.Range.State;
using Shodo.Range.Tests.Infrastructure;

namespace Shodo.Range.Tests.Partitions;

/// <summary>
/// The range as an account in AWS China (<c>range serve --partition aws-cn</c>), seen by the real AWS CLI signing for
/// cn-north-1: its regions are China's, and every IAM and STS ARN — users, roles, sessions, the root, AWS managed
/// policies — names the aws-cn partition, as AWS answers there.
/// </summary>
public sealed class ChinaPartitionTests : IAsyncLifetime
{
    private RangeHost _range = null!;
    private AwsCli _cli = null!;
    private const string Account = RangeInfo.DefaultAccountId;

    public async Task InitializeAsync()
    {
        _range = await RangeHost.StartAsync(new RangeOptions { Port = 0, Partition = RangePartitions.China });
        _cli = new AwsCli(_range.Url, _range.Responder, "cn-north-1");
    }

    public async Task DisposeAsync() => await _range.DisposeAsync();

    [Fact]
    public async Task The_regions_are_Chinas_with_their_endpoints()
    {
        var regions = (await _cli.OkAsync("ec2", "describe-regions")).GetProperty("Regions").EnumerateArray().ToList();
        Assert.Equal(["cn-north-1", "cn-northwest-1"], regions.Select(r => r.GetProperty("RegionName").GetString()));
        Assert.Equal("ec2.cn-north-1.amazonaws.com.cn", regions[0].GetProperty("Endpoint").GetString());
    }

    [Fact]
    public async Task Resources_name_the_aws_cn_partition_and_policies_naming_it_authorize()
    {
        var subnet = (await _cli.OkAsync("ec2", "describe-subnets")).GetProperty("Subnets")[0];
        Assert.StartsWith("arn:aws-cn:ec2:cn-north-1:" + Account + ":subnet/", subnet.GetProperty("SubnetArn").GetString());

        // A user allowed only on the bucket's aws-cn ARN can use it.
        await _cli.OkAsync("s3api", "create-bucket", "--bucket", "li-exports", "--create-bucket-configuration", "LocationConstraint=cn-north-1");
        await _cli.OkAsync("iam", "create-user", "--user-name", "li-s3");
        await _cli.OkAsync("iam", "put-user-policy", "--user-name", "li-s3", "--policy-name", "bucket", "--policy-document",
            """{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:ListBucket","Resource":"arn:aws-cn:s3:::li-exports"}]}""");
        var key = (await _cli.OkAsync("iam", "create-access-key", "--user-name", "li-s3")).GetProperty("AccessKey");
        var li = new RangeCredentials(key.GetProperty("AccessKeyId").GetString()!, key.GetProperty("SecretAccessKey").GetString()!);
        await _cli.As(li).OkAsync("s3api", "list-objects-v2", "--bucket", "li-exports");
    }

    [Fact]
    public async Task Identities_sessions_and_managed_policies_name_the_aws_cn_partition()
    {
        Assert.Equal($"arn:aws-cn:iam::{Account}:user/{RangeHost.ResponderUserName}",
            (await _cli.OkAsync("sts", "get-caller-identity")).GetProperty("Arn").GetString());
        var attached = (await _cli.OkAsync("iam", "list-attached-user-policies", "--user-name", RangeHost.ResponderUserName))
            .GetProperty("AttachedPolicies").EnumerateArray().Select(p => p.GetProperty("PolicyArn").GetString()).ToList();
        Assert.Equal(["arn:aws-cn:iam::aws:policy/AdministratorAccess"], attached);

        var user = (await _cli.OkAsync("iam", "create-user", "--user-name", "dev-li")).GetProperty("User");
        Assert.Equal($"arn:aws-cn:iam::{Account}:user/dev-li", user.GetProperty("Arn").GetString());
        await _cli.OkAsync("iam", "attach-user-policy", "--user-name", "dev-li", "--policy-arn", "arn:aws-cn:iam::aws:policy/AWSDenyAll");
        Assert.Equal("arn:aws-cn:iam::aws:policy/AWSDenyAll", (await _cli.OkAsync("iam", "list-attached-user-policies", "--user-name", "dev-li"))
            .GetProperty("AttachedPolicies")[0].GetProperty("PolicyArn").GetString());

        var role = (await _cli.OkAsync("iam", "create-role", "--role-name", "ops", "--assume-role-policy-document",
            $$"""{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"AWS":"arn:aws-cn:iam::{{Account}}:root"},"Action":"sts:AssumeRole"}]}"""))
            .GetProperty("Role").GetProperty("Arn").GetString();
        Assert.Equal($"arn:aws-cn:iam::{Account}:role/ops", role);
        var assumed = await _cli.OkAsync("sts", "assume-role", "--role-arn", role!, "--role-session-name", "night");
        Assert.Equal($"arn:aws-cn:sts::{Account}:assumed-role/ops/night", assumed.GetProperty("AssumedRoleUser").GetProperty("Arn").GetString());
        Assert.Equal($"arn:aws-cn:sts::{Account}:assumed-role/ops/night",
            (await _cli.As(assumed.AsCredentials()).OkAsync("sts", "get-caller-identity")).GetProperty("Arn").GetString());
    }
}
