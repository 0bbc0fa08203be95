using System.Text.Json.Nodes;
using Shodo.Range.State;
using Shodo.Range.Tests.Infrastructure;

namespace Shodo.Range.Tests.Hosting;

/// <summary>
/// The range's state file carries every service: a range with state in IAM, EC2, S3, RDS and CloudTrail
/// is saved, loaded into a new range, and the new range answers the real AWS CLI as the old one did.
/// </summary>
public sealed class RangeStateFileTests
{
    private const string Selectors =
        """[{"ReadWriteType":"All","IncludeManagementEvents":true,"DataResources":[{"Type":"AWS::S3::Object","Values":["arn:aws:s3:::payroll/"]}]}]""";

    [Fact]
    public async Task A_saved_range_loads_into_a_new_range_with_every_service_as_it_was()
    {
        await using var before = await RangeHost.StartAsync(new RangeOptions { Port = 0 });
        var cli = new AwsCli(before.Url, before.Responder);
        await cli.OkAsync("iam", "create-user", "--user-name", "backdoor");
        await cli.OkAsync("ec2", "create-key-pair", "--key-name", "attacker");
        await cli.OkAsync("s3api", "create-bucket", "--bucket", "trail-logs");
        await cli.OkAsync("cloudtrail", "create-trail", "--name", "main", "--s3-bucket-name", "trail-logs",
            "--is-multi-region-trail", "--enable-log-file-validation");
        await cli.OkAsync("cloudtrail", "put-event-selectors", "--trail-name", "main", "--event-selectors", Selectors);
        await cli.OkAsync("cloudtrail", "start-logging", "--name", "main");
        await cli.OkAsync("s3api", "create-bucket", "--bucket", "payroll");
        var body = Path.Combine(Path.GetTempPath(), $"shodo-state-{Guid.NewGuid():N}.csv");
        var path = Path.Combine(Path.GetTempPath(), $"shodo-state-{Guid.NewGuid():N}.json");
        try
        {
            await File.WriteAllTextAsync(body, "name,salary\nyamada,1\n");
            await cli.OkAsync("s3api", "put-object", "--bucket", "payroll", "--key", "2026/給与.csv", "--body", body,
                "--content-type", "text/csv", "--metadata", "owner=hr");
            await cli.OkAsync("s3api", "put-bucket-policy", "--bucket", "payroll", "--policy",
                """{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"AWS":"arn:aws:iam::999988887777:root"},"Action":"s3:GetObject","Resource":"arn:aws:s3:::payroll/*"}]}""");
            await cli.OkAsync("s3api", "put-bucket-tagging", "--bucket", "payroll", "--tagging", "TagSet=[{Key=data,Value=pii}]");
            before.State.CreateDbInstance("us-east-1", "customers");
            await cli.OkAsync("rds", "create-db-snapshot", "--db-instance-identifier", "customers", "--db-snapshot-identifier", "exfil");
            before.State.Clock.Advance(TimeSpan.FromMinutes(1));
            await cli.OkAsync("rds", "modify-db-snapshot-attribute", "--db-snapshot-identifier", "exfil",
                "--attribute-name", "restore", "--values-to-add", "999988887777");
            await cli.OkAsync("cloudtrail", "stop-logging", "--name", "main");
            Assert.NotEmpty(before.State.DeliverTrailLogs());

            await RangeStateFile.SaveAsync(before.State, path, CancellationToken.None);
            await using var after = await RangeHost.StartAsync(new RangeOptions { Port = 0 });
            await RangeStateFile.LoadAsync(after.State, path, CancellationToken.None);
            Assert.Equal(WithoutClock(JsonNode.Parse(await File.ReadAllTextAsync(path))!.AsObject()),
                WithoutClock(RangeStateFile.Save(after.State)));

            // The same key (IAM came along) asks both ranges the same questions, in the same order.
            var afterCli = new AwsCli(after.Url, before.Responder);
            string[][] reads =
            [
                ["cloudtrail", "lookup-events", "--max-results", "50"],
                ["cloudtrail", "describe-trails"],
                ["cloudtrail", "get-event-selectors", "--trail-name", "main"],
                ["cloudtrail", "get-trail-status", "--name", "main"],
                ["cloudtrail", "list-public-keys"],
                ["s3api", "list-buckets"],
                ["s3api", "list-objects-v2", "--bucket", "trail-logs"],
                ["s3api", "head-object", "--bucket", "payroll", "--key", "2026/給与.csv"],
                ["s3api", "get-bucket-policy", "--bucket", "payroll"],
                ["s3api", "get-bucket-tagging", "--bucket", "payroll"],
                ["s3api", "get-public-access-block", "--bucket", "payroll"],
                ["rds", "describe-db-instances"],
                ["rds", "describe-db-snapshots"],
                ["rds", "describe-db-snapshot-attributes", "--db-snapshot-identifier", "exfil"],
                ["iam", "get-user", "--user-name", "backdoor"],
                ["ec2", "describe-key-pairs"],
            ];
            foreach (var read in reads)
                Assert.Equal((await cli.OkAsync(read)).GetRawText(), (await afterCli.OkAsync(read)).GetRawText());
            Assert.Contains("999988887777", (await afterCli.OkAsync(reads[^3])).GetRawText());
            Assert.Contains("CreateDBSnapshot", (await afterCli.OkAsync(reads[0])).GetRawText());
        }
        finally
        {
            File.Delete(body);
            File.Delete(path);
        }
    }

    /// <summary>The state file without "now" (the simulated clock keeps running between save and compare).</summary>
    private static string WithoutClock(JsonObject file)
    {
        file.Remove("now");
        return file.ToJsonString();
    }
}
