using Shodo.Range.Tests.Infrastructure;

namespace Shodo.Range.Tests.S3;

/// <summary>
/// S3 Control's account-level Block Public Access on the range, driven by the real AWS CLI (<c>aws s3control</c>). The CLI puts
/// the account id in the host (the model's <c>hostPrefix</c> <c>{AccountId}.</c>: <c>111122223333.127.0.0.1:PORT</c>), which
/// loopback does not resolve, so it sends through the range as its HTTP proxy: the request target is the absolute URI, the Host
/// header carries the prefix, and the signature covers it as AWS's would.
/// </summary>
public sealed class S3ControlCliConformanceTests(S3ControlCliConformanceTests.Fixture fixture) : IClassFixture<S3ControlCliConformanceTests.Fixture>
{
    /// <summary>A range of its own: the account's setting is one per account, and these tests change it.</summary>
    public sealed class Fixture : RangeFixture;

    private AwsCli Cli => fixture.Cli.ThroughRangeAsProxy();
    private string Account => fixture.Range.State.AccountId;

    [Fact]
    public async Task The_account_setting_is_NoSuchPublicAccessBlockConfiguration_until_put_then_shown_then_deleted()
    {
        var before = fixture.Range.State.Calls.Count;
        await Cli.FailsWithStatusAsync("NoSuchPublicAccessBlockConfiguration", 404, "s3control", "get-public-access-block", "--account-id", Account);

        // A setting left out is false, as on S3.
        await Cli.OkAsync("s3control", "put-public-access-block", "--account-id", Account,
            "--public-access-block-configuration", "IgnorePublicAcls=true,RestrictPublicBuckets=true");
        var block = (await Cli.OkAsync("s3control", "get-public-access-block", "--account-id", Account)).GetProperty("PublicAccessBlockConfiguration");
        Assert.False(block.GetProperty("BlockPublicAcls").GetBoolean());
        Assert.True(block.GetProperty("IgnorePublicAcls").GetBoolean());
        Assert.False(block.GetProperty("BlockPublicPolicy").GetBoolean());
        Assert.True(block.GetProperty("RestrictPublicBuckets").GetBoolean());

        await Cli.OkAsync("s3control", "delete-public-access-block", "--account-id", Account);
        await Cli.FailsWithAsync("NoSuchPublicAccessBlockConfiguration", "s3control", "get-public-access-block", "--account-id", Account);

        // CloudTrail records each as S3 does, under the account-level event names.
        var events = fixture.Range.State.Calls.Skip(before).Where(c => c.EventName.EndsWith("AccountPublicAccessBlock", StringComparison.Ordinal)).ToList();
        Assert.All(events, e => Assert.Equal("s3.amazonaws.com", e.EventSource));
        Assert.Equal(["GetAccountPublicAccessBlock", "PutAccountPublicAccessBlock", "GetAccountPublicAccessBlock",
            "DeleteAccountPublicAccessBlock", "GetAccountPublicAccessBlock"], events.Select(e => e.EventName));
        var put = events.Single(e => e.EventName == "PutAccountPublicAccessBlock");
        Assert.False(put.ReadOnly);
        Assert.Equal("true", put.RequestParameters!["PublicAccessBlockConfiguration"]!["IgnorePublicAcls"]!.ToJsonString());
        Assert.StartsWith(Account + ".", put.RequestParameters!["Host"]!.GetValue<string>());
        Assert.Equal("NoSuchPublicAccessBlockConfiguration", events[0].ErrorCode);
    }

    [Fact]
    public async Task Another_accounts_id_is_AccessDenied_and_changes_nothing()
    {
        var other = Account == "444455556666" ? "777788889999" : "444455556666";
        await Cli.FailsWithStatusAsync("AccessDenied", 403, "s3control", "get-public-access-block", "--account-id", other);
        await Cli.FailsWithAsync("AccessDenied", "s3control", "put-public-access-block", "--account-id", other,
            "--public-access-block-configuration", "BlockPublicPolicy=true");
        await Cli.FailsWithAsync("AccessDenied", "s3control", "delete-public-access-block", "--account-id", other);
        lock (fixture.Range.State.Sync) Assert.Null(fixture.Range.State.AccountPublicAccessBlock);
    }

    [Fact]
    public async Task Reading_needs_s3_GetAccountPublicAccessBlock_and_changing_or_deleting_needs_s3_PutAccountPublicAccessBlock()
    {
        var user = fixture.Unique("bpa-reader");
        var key = await fixture.Cli.CreateUserWithKeyAsync(user);
        var reader = Cli.As(key);
        await reader.FailsWithAsync("AccessDenied", "s3control", "get-public-access-block", "--account-id", Account);

        await fixture.Cli.OkAsync("iam", "put-user-policy", "--user-name", user, "--policy-name", "read-bpa", "--policy-document",
            """{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:GetAccountPublicAccessBlock","Resource":"*"}]}""");
        await reader.FailsWithAsync("NoSuchPublicAccessBlockConfiguration", "s3control", "get-public-access-block", "--account-id", Account);
        await reader.FailsWithAsync("AccessDenied", "s3control", "put-public-access-block", "--account-id", Account,
            "--public-access-block-configuration", "BlockPublicPolicy=true");
        await reader.FailsWithAsync("AccessDenied", "s3control", "delete-public-access-block", "--account-id", Account);
        lock (fixture.Range.State.Sync) Assert.Null(fixture.Range.State.AccountPublicAccessBlock);
    }

    /// <summary>S3 applies the most restrictive of the bucket's and the account's settings: the account's BlockPublicPolicy refuses a public policy on a bucket that blocks nothing.</summary>
    [Fact]
    public async Task The_accounts_BlockPublicPolicy_refuses_a_public_bucket_policy_on_a_bucket_that_blocks_nothing()
    {
        var bucket = fixture.Unique("open");
        await fixture.Cli.OkAsync("s3api", "create-bucket", "--bucket", bucket);
        await fixture.Cli.OkAsync("s3api", "put-public-access-block", "--bucket", bucket, "--public-access-block-configuration",
            "BlockPublicAcls=false,IgnorePublicAcls=false,BlockPublicPolicy=false,RestrictPublicBuckets=false");
        var open = $$"""{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":"*","Action":"s3:GetObject","Resource":"arn:aws:s3:::{{bucket}}/*"}]}""";
        try
        {
            await Cli.OkAsync("s3control", "put-public-access-block", "--account-id", Account,
                "--public-access-block-configuration", "BlockPublicPolicy=true");
            await fixture.Cli.FailsWithAsync("AccessDenied", "s3api", "put-bucket-policy", "--bucket", bucket, "--policy", open);

            await Cli.OkAsync("s3control", "delete-public-access-block", "--account-id", Account);
            await fixture.Cli.OkAsync("s3api", "put-bucket-policy", "--bucket", bucket, "--policy", open);
        }
        finally
        {
            lock (fixture.Range.State.Sync) fixture.Range.State.AccountPublicAccessBlock = null;
        }
    }
}
