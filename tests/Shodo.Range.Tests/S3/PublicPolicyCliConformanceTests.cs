using Shodo.Range.Tests.Infrastructure;

namespace Shodo.Range.Tests.S3;

/// <summary>
/// What S3 calls a public bucket policy, driven by the real AWS CLI: under BlockPublicPolicy the range refuses what S3 refuses
/// (everyone held only to aws:SecureTransport, or to a source range broader than /8) and accepts what S3 accepts (everyone held
/// to a fixed VPC endpoint, organisation or narrow source range); get-bucket-policy-status says the same.
/// </summary>
public sealed class PublicPolicyCliConformanceTests(RangeFixture fixture) : IClassFixture<RangeFixture>
{
    private AwsCli Cli => fixture.Cli;

    private static string Policy(string bucket, string condition) =>
        $$"""{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":"*","Action":"s3:GetObject","Resource":"arn:aws:s3:::{{bucket}}/*","Condition":{{condition}}}]}""";

    private async Task<bool> IsPublicAsync(string bucket) =>
        (await Cli.OkAsync("s3api", "get-bucket-policy-status", "--bucket", bucket)).GetProperty("PolicyStatus").GetProperty("IsPublic").GetBoolean();

    [Fact]
    public async Task BlockPublicPolicy_refuses_everyone_held_only_to_secure_transport_or_a_broad_range_and_accepts_fixed_values()
    {
        var bucket = fixture.Unique("bucket");
        await Cli.OkAsync("s3api", "create-bucket", "--bucket", bucket);
        await Cli.OkAsync("s3api", "put-public-access-block", "--bucket", bucket, "--public-access-block-configuration", "BlockPublicPolicy=true");

        var secureTransport = Policy(bucket, """{"Bool":{"aws:SecureTransport":"true"}}""");
        await Cli.FailsWithAsync("AccessDenied", "s3api", "put-bucket-policy", "--bucket", bucket, "--policy", secureTransport);
        await Cli.FailsWithAsync("AccessDenied", "s3api", "put-bucket-policy", "--bucket", bucket, "--policy",
            Policy(bucket, """{"IpAddress":{"aws:SourceIp":"0.0.0.0/1"}}"""));
        await Cli.FailsWithAsync("AccessDenied", "s3api", "put-bucket-policy", "--bucket", bucket, "--policy",
            Policy(bucket, """{"StringLike":{"aws:SourceVpce":"vpce-*"}}"""));

        foreach (var condition in new[]
                 {
                     """{"StringEquals":{"aws:SourceVpce":"vpce-1a2b3c4d"}}""",
                     """{"StringEquals":{"aws:PrincipalOrgID":"o-a1b2c3d4e5"},"Bool":{"aws:SecureTransport":"true"}}""",
                     """{"IpAddress":{"aws:SourceIp":["203.0.113.0/24","2001:db8::/32"]}}""",
                 })
        {
            await Cli.OkAsync("s3api", "put-bucket-policy", "--bucket", bucket, "--policy", Policy(bucket, condition));
            Assert.False(await IsPublicAsync(bucket));
        }

        // Unblocked, the secure-transport policy is accepted, and S3 calls it public.
        await Cli.OkAsync("s3api", "put-public-access-block", "--bucket", bucket, "--public-access-block-configuration", "BlockPublicPolicy=false");
        await Cli.OkAsync("s3api", "put-bucket-policy", "--bucket", bucket, "--policy", secureTransport);
        Assert.True(await IsPublicAsync(bucket));
    }
}
