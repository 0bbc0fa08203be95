using System.Text.Json;
using Shodo.Range.Tests.Infrastructure;

namespace Shodo.Range.Tests.Organizations;

/// <summary>
/// An organisation trail as a member account sees it with the real AWS CLI (issue 21): CloudTrail shows it in every member as a
/// shadow trail — DescribeTrails lists it (includeShadowTrails is true by default) with IsOrganizationTrail true and the
/// management account's TrailARN and home region, in every region it covers; without shadow trails it is not listed; its status
/// is read by its full ARN (a member cannot name it by its name: TrailNotFoundException). A member cannot change it: StartLogging,
/// StopLogging, UpdateTrail and DeleteTrail by its ARN answer NotOrganizationMasterAccountException.
/// </summary>
public sealed class OrganizationShadowTrailConformanceTests(OrganizationFixture fixture) : IClassFixture<OrganizationFixture>
{
    private AwsCli Cli => fixture.Cli;

    private static List<JsonElement> Trails(JsonElement described) => described.GetProperty("trailList").EnumerateArray().ToList();

    [Fact]
    public async Task A_member_account_sees_the_organisation_trail_as_the_management_accounts_shadow_trail_and_reads_its_status_by_arn()
    {
        var bucket = fixture.Unique("org-shadow-logs");
        var name = fixture.Unique("org-shadow");
        await Cli.OkAsync("s3api", "create-bucket", "--bucket", bucket);
        await Cli.OkAsync("organizations", "enable-aws-service-access", "--service-principal", "cloudtrail.amazonaws.com");
        var arn = (await Cli.OkAsync("cloudtrail", "create-trail", "--name", name, "--s3-bucket-name", bucket,
            "--is-organization-trail", "--is-multi-region-trail")).GetProperty("TrailARN").GetString()!;
        Assert.Equal($"arn:aws:cloudtrail:us-east-1:{fixture.Management}:trail/{name}", arn);
        await Cli.OkAsync("cloudtrail", "start-logging", "--name", name);
        var member = await fixture.InMemberAsync(3, session: "shadow");

        foreach (var region in new[] { "us-east-1", "eu-west-1" })
        {
            var shadow = Assert.Single(Trails(await member.InRegion(region).OkAsync("cloudtrail", "describe-trails")),
                t => t.GetProperty("TrailARN").GetString() == arn);
            Assert.True(shadow.GetProperty("IsOrganizationTrail").GetBoolean());
            Assert.True(shadow.GetProperty("IsMultiRegionTrail").GetBoolean());
            Assert.Equal("us-east-1", shadow.GetProperty("HomeRegion").GetString());
            Assert.Equal(name, shadow.GetProperty("Name").GetString());
            Assert.Equal(bucket, shadow.GetProperty("S3BucketName").GetString());
        }
        Assert.DoesNotContain(Trails(await member.OkAsync("cloudtrail", "describe-trails", "--no-include-shadow-trails")),
            t => t.GetProperty("TrailARN").GetString() == arn);
        Assert.Single(Trails(await member.OkAsync("cloudtrail", "describe-trails", "--trail-name-list", arn)));

        var status = await member.OkAsync("cloudtrail", "get-trail-status", "--name", arn);
        Assert.True(status.GetProperty("IsLogging").GetBoolean());
        await member.FailsWithAsync("TrailNotFoundException", "cloudtrail", "get-trail-status", "--name", name);

        // In the management account it is its own trail, found by its name.
        Assert.Single(Trails(await Cli.OkAsync("cloudtrail", "describe-trails", "--trail-name-list", name)));
    }

    [Fact]
    public async Task A_member_account_cannot_start_stop_update_or_delete_the_organisation_trail_and_the_management_account_can()
    {
        var bucket = fixture.Unique("org-locked-logs");
        var name = fixture.Unique("org-locked");
        await Cli.OkAsync("s3api", "create-bucket", "--bucket", bucket);
        await Cli.OkAsync("organizations", "enable-aws-service-access", "--service-principal", "cloudtrail.amazonaws.com");
        var arn = (await Cli.OkAsync("cloudtrail", "create-trail", "--name", name, "--s3-bucket-name", bucket,
            "--is-organization-trail", "--is-multi-region-trail")).GetProperty("TrailARN").GetString()!;
        await Cli.OkAsync("cloudtrail", "start-logging", "--name", name);
        var member = await fixture.InMemberAsync(2, session: "locked");

        // Named by its ARN (as the member sees it), each change is the management account's: NotOrganizationMasterAccountException.
        await member.FailsWithAsync("NotOrganizationMasterAccountException", "cloudtrail", "stop-logging", "--name", arn);
        await member.FailsWithAsync("NotOrganizationMasterAccountException", "cloudtrail", "start-logging", "--name", arn);
        await member.FailsWithAsync("NotOrganizationMasterAccountException", "cloudtrail", "update-trail", "--name", arn, "--no-enable-log-file-validation");
        await member.FailsWithAsync("NotOrganizationMasterAccountException", "cloudtrail", "delete-trail", "--name", arn);
        // By its name it is not the member's trail at all.
        await member.FailsWithAsync("TrailNotFoundException", "cloudtrail", "stop-logging", "--name", name);
        await member.FailsWithAsync("TrailNotFoundException", "cloudtrail", "delete-trail", "--name", name);
        // Nothing changed: it still logs, as the member itself reads it.
        Assert.True((await member.OkAsync("cloudtrail", "get-trail-status", "--name", arn)).GetProperty("IsLogging").GetBoolean());
        Assert.Single(Trails(await member.OkAsync("cloudtrail", "describe-trails")), t => t.GetProperty("TrailARN").GetString() == arn);

        // The management account updates it (what it answers is the trail) and deletes it: gone from the member's view too.
        var updated = await Cli.OkAsync("cloudtrail", "update-trail", "--name", name, "--enable-log-file-validation");
        Assert.True(updated.GetProperty("LogFileValidationEnabled").GetBoolean());
        Assert.True(updated.GetProperty("IsOrganizationTrail").GetBoolean());
        Assert.Equal(arn, updated.GetProperty("TrailARN").GetString());
        await Cli.OkAsync("cloudtrail", "delete-trail", "--name", name);
        await Cli.FailsWithAsync("TrailNotFoundException", "cloudtrail", "get-trail-status", "--name", name);
        Assert.DoesNotContain(Trails(await member.OkAsync("cloudtrail", "describe-trails")), t => t.GetProperty("TrailARN").GetString() == arn);
    }
}
