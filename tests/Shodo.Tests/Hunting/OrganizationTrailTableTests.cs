using Shodo.Hunting;
using Shodo.Hunting.Sql;
using Shodo.Range.State.CloudTrail;
using Shodo.Range.State.Organizations;
using Shodo.Sigma;

namespace Shodo.Tests.Hunting;

/// <summary>
/// The Athena table over an organisation trail's bucket (issue 21): AWS's CloudTrail table with partition projection over
/// <c>AWSLogs/o-ORGID/ACCOUNT/CloudTrail/REGION/YYYY/MM/DD/</c>, whose template finds the folders the range's organisation trail
/// (org-pivot's accounts) writes, and a hunt compiled over it that says each match's account and reads only its window's days.
/// </summary>
public sealed class OrganizationTrailTableTests
{
    private const string OrganizationId = "o-a1b2c3d4e5";
    private static readonly string Management = "111122223333";
    private static readonly string[] Members = [RangeOrganization.MemberId(Management, 1), RangeOrganization.MemberId(Management, 2)];

    private static OrganizationTrailTable Table(string? prefix = null) => new("org_trail", "acme-org-trail", prefix, OrganizationId,
        [Management, .. Members], ["us-east-1", "ap-northeast-1"], new DateOnly(2026, 9, 1));

    [Fact]
    public void The_create_table_projects_account_region_and_day_over_the_organisations_folder()
    {
        var ddl = Table("audit").CreateTable();

        Assert.StartsWith("CREATE EXTERNAL TABLE org_trail (", ddl);
        Assert.Contains("PARTITIONED BY (account string, region string, `timestamp` string)", ddl);
        Assert.Contains("STORED AS INPUTFORMAT 'com.amazon.emr.cloudtrail.CloudTrailInputFormat'", ddl);
        Assert.Contains($"LOCATION 's3://acme-org-trail/audit/AWSLogs/{OrganizationId}/'", ddl);
        Assert.Contains("'projection.enabled'='true'", ddl);
        Assert.Contains($"'projection.account.type'='enum'", ddl);
        Assert.Contains($"'projection.account.values'='{Management},{Members[0]},{Members[1]}'", ddl);
        Assert.Contains("'projection.region.values'='us-east-1,ap-northeast-1'", ddl);
        Assert.Contains("'projection.timestamp.type'='date'", ddl);
        Assert.Contains("'projection.timestamp.format'='yyyy/MM/dd'", ddl);
        Assert.Contains("'projection.timestamp.range'='2026/09/01,NOW'", ddl);
        Assert.Contains($"'storage.location.template'='s3://acme-org-trail/audit/AWSLogs/{OrganizationId}/${{account}}/CloudTrail/${{region}}/${{timestamp}}'", ddl);
    }

    [Fact]
    public void The_location_template_names_the_folder_of_a_log_file_the_organisation_trail_delivers_for_a_member()
    {
        var trail = new Shodo.Range.State.CloudTrail.Trail { Name = "acme-organization", HomeRegion = "us-east-1", AccountId = Management, S3BucketName = "acme-org-trail",
            S3KeyPrefix = "audit", CreatedAt = DateTimeOffset.UnixEpoch };
        var key = TrailDelivery.ObjectKey(trail, Members[1], "ap-northeast-1", new DateTimeOffset(2026, 12, 7, 7, 10, 0, TimeSpan.Zero), OrganizationId);
        var template = Table("audit").Properties().Single(p => p.Key == "storage.location.template").Value;

        var folder = template.Replace("${account}", Members[1]).Replace("${region}", "ap-northeast-1").Replace("${timestamp}", "2026/12/07");

        Assert.Equal($"s3://acme-org-trail/{key[..key.LastIndexOf('/')]}", folder);
    }

    [Fact]
    public void Every_column_and_struct_member_the_hunt_reads_is_declared()
    {
        foreach (var column in CloudTrailTableLayout.TextColumns.Concat(CloudTrailTableLayout.JsonColumns.Values).Append("resources"))
        {
            var path = column.Split('.');
            var declared = Assert.Single(OrganizationTrailTable.Columns, c => c.StartsWith(path[0] + " ", StringComparison.Ordinal));
            Assert.All(path.Skip(1), member => Assert.Contains(member + ": ", declared));
        }
    }

    [Fact]
    public void A_hunt_over_it_selects_the_account_and_reads_only_the_windows_days()
    {
        var rules = HuntRunner.CloudTrailRules(SigmaRuleSet.BuiltIn);
        var since = new DateTimeOffset(2026, 11, 20, 6, 0, 0, TimeSpan.Zero);
        var until = new DateTimeOffset(2026, 11, 27, 18, 0, 0, TimeSpan.Zero);

        var sql = new SigmaSqlCompiler(SqlDialect.Athena).Compile(rules, "org_trail", since, until, organizationTable: true);
        var single = new SigmaSqlCompiler(SqlDialect.Athena).Compile(rules, "cloudtrail_logs", since, until);

        Assert.Empty(sql.NotCompiled);
        Assert.StartsWith("SELECT m.rule_id, eventid, eventtime, eventname, eventsource, awsregion, sourceipaddress, useridentity.arn AS principalarn, account\nFROM org_trail", sql.Query);
        Assert.EndsWith("WHERE eventtime >= '2026-11-20T06:00:00Z' AND eventtime < '2026-11-27T18:00:00Z' AND \"timestamp\" >= '2026/11/20' AND \"timestamp\" <= '2026/11/28'", sql.Query);
        Assert.DoesNotContain("account", single.Query.Split('\n')[0]);
        Assert.DoesNotContain("\"timestamp\"", single.Query);
    }

    [Theory]
    [InlineData("s3://acme-org-trail/AWSLogs/o-a1b2c3d4e5/", "acme-org-trail", null)]
    [InlineData("s3://acme-org-trail/audit/logs/AWSLogs/o-a1b2c3d4e5", "acme-org-trail", "audit/logs")]
    public void An_organisation_trails_folder_is_recognised_in_a_location(string location, string bucket, string? prefix)
    {
        var folder = OrganizationTrailTable.FolderOf(location);

        Assert.Equal((bucket, prefix, OrganizationId), folder);
    }

    [Theory]
    [InlineData("s3://acme-trail/AWSLogs/")]
    [InlineData("s3://acme-trail/AWSLogs/111122223333/")]
    [InlineData("s3://acme-org-trail/AWSLogs/o-a1b2c3d4e5/111122223333/CloudTrail/")]
    [InlineData("./trail-copy")]
    public void Any_other_location_is_not_an_organisation_trails_folder(string location) =>
        Assert.Null(OrganizationTrailTable.FolderOf(location));
}
