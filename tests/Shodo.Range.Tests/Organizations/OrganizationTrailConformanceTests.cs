using System.IO.Compression;
using System.Text.Json;
using Shodo.Range.Tests.Infrastructure;

namespace Shodo.Range.Tests.Organizations;

/// <summary>
/// An organisation trail as the real AWS CLI makes and reads it (issue 21, item 4): CloudTrail refuses it from a member
/// account and before CloudTrail has trusted access in Organizations, with CloudTrail's error codes; made from the
/// management account, it delivers every account's events to the management account's bucket under
/// <c>AWSLogs/o-ID/ACCOUNT/CloudTrail/...</c>, with digests under <c>AWSLogs/o-ID/ACCOUNT/CloudTrail-Digest/...</c>.
/// </summary>
public sealed class OrganizationTrailConformanceTests(OrganizationFixture fixture) : IClassFixture<OrganizationFixture>
{
    private AwsCli Cli => fixture.Cli;

    private async Task<JsonElement> ObjectAsync(string bucket, string key)
    {
        var file = Path.GetTempFileName();
        try
        {
            await Cli.OkAsync("s3api", "get-object", "--bucket", bucket, "--key", key, file);
            await using var gzip = new GZipStream(File.OpenRead(file), CompressionMode.Decompress);
            return (await JsonDocument.ParseAsync(gzip)).RootElement.Clone();
        }
        finally { File.Delete(file); }
    }

    private async Task<string[]> KeysAsync(string bucket, string prefix)
    {
        var listed = await Cli.OkAsync("s3api", "list-objects-v2", "--bucket", bucket, "--prefix", prefix);
        return listed.TryGetProperty("Contents", out var contents) ? contents.EnumerateArray().Select(o => o.GetProperty("Key").GetString()!).ToArray() : [];
    }

    [Fact]
    public async Task The_management_account_s_organisation_trail_delivers_every_account_s_events_with_digests()
    {
        var bucket = fixture.Unique("org-trail-logs");
        var name = fixture.Unique("org-audit");
        await Cli.OkAsync("s3api", "create-bucket", "--bucket", bucket);
        var member = await fixture.InMemberAsync(2, session: "trail");

        await member.FailsWithAsync("NotOrganizationMasterAccountException", "cloudtrail", "create-trail", "--name", name,
            "--s3-bucket-name", bucket, "--is-organization-trail", "--is-multi-region-trail");
        await Cli.FailsWithAsync("CloudTrailAccessNotEnabledException", "cloudtrail", "create-trail", "--name", name,
            "--s3-bucket-name", bucket, "--is-organization-trail", "--is-multi-region-trail");
        await Cli.OkAsync("organizations", "enable-aws-service-access", "--service-principal", "cloudtrail.amazonaws.com");
        var access = await Cli.OkAsync("organizations", "list-aws-service-access-for-organization");
        Assert.Contains("cloudtrail.amazonaws.com",
            access.GetProperty("EnabledServicePrincipals").EnumerateArray().Select(p => p.GetProperty("ServicePrincipal").GetString()));

        var created = await Cli.OkAsync("cloudtrail", "create-trail", "--name", name, "--s3-bucket-name", bucket,
            "--is-organization-trail", "--is-multi-region-trail", "--enable-log-file-validation");
        Assert.True(created.GetProperty("IsOrganizationTrail").GetBoolean());
        await Cli.OkAsync("cloudtrail", "start-logging", "--name", name);
        var described = (await Cli.OkAsync("cloudtrail", "describe-trails", "--trail-name-list", name)).GetProperty("trailList")[0];
        Assert.True(described.GetProperty("IsOrganizationTrail").GetBoolean());

        var user = fixture.Unique("in-member");
        await member.OkAsync("iam", "create-user", "--user-name", user);
        await Cli.OkAsync("iam", "list-users");

        var org = (await Cli.OkAsync("organizations", "describe-organization")).GetProperty("Organization").GetProperty("Id").GetString()!;
        var memberLogs = await KeysAsync(bucket, $"AWSLogs/{org}/{fixture.Member(2)}/CloudTrail/");
        Assert.NotEmpty(memberLogs);
        Assert.All(memberLogs, k => Assert.Matches($@"^AWSLogs/{org}/{fixture.Member(2)}/CloudTrail/[a-z0-9-]+/\d{{4}}/\d{{2}}/\d{{2}}/{fixture.Member(2)}_CloudTrail_", k));
        var records = new List<JsonElement>();
        foreach (var key in memberLogs) records.AddRange((await ObjectAsync(bucket, key)).GetProperty("Records").EnumerateArray());
        var createUser = Assert.Single(records, r => r.GetProperty("eventName").GetString() == "CreateUser"
                                                     && r.GetProperty("requestParameters").GetProperty("userName").GetString() == user);
        Assert.Equal(fixture.Member(2), createUser.GetProperty("recipientAccountId").GetString());
        Assert.Equal("AssumedRole", createUser.GetProperty("userIdentity").GetProperty("type").GetString());
        Assert.All(records, r => Assert.Equal(fixture.Member(2), r.GetProperty("recipientAccountId").GetString()));

        Assert.NotEmpty(await KeysAsync(bucket, $"AWSLogs/{org}/{fixture.Management}/CloudTrail/"));
        Assert.Empty(await KeysAsync(bucket, $"AWSLogs/{fixture.Management}/"));
        var digests = await KeysAsync(bucket, $"AWSLogs/{org}/{fixture.Member(2)}/CloudTrail-Digest/");
        var digest = await ObjectAsync(bucket, Assert.Single(digests, k => k.Contains("/us-east-1/", StringComparison.Ordinal)));
        Assert.Equal(fixture.Member(2), digest.GetProperty("awsAccountId").GetString());
        Assert.Contains(digest.GetProperty("logFiles").EnumerateArray(), f => memberLogs.Contains(f.GetProperty("s3Object").GetString()));
        var head = await Cli.OkAsync("s3api", "head-object", "--bucket", bucket, "--key", digests[0]);
        Assert.True(head.GetProperty("Metadata").TryGetProperty("signature", out _));
    }
}
