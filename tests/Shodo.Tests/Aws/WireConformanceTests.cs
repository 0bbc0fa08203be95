using System.Diagnostics;
using System.Text.Json;
using System.Text.Json.Nodes;
using Shodo.Aws.CloudTrail.Calls;
using Shodo.Aws.CloudTrail.Model;
using Shodo.Aws.Iam.Calls;
using Shodo.Aws.Rds.Calls;
using Shodo.Trail.Lookup;

namespace Shodo.Tests.Aws;

/// <summary>
/// Shodo's hand-written clients put on the wire what the real AWS CLI (botocore) puts there for
/// the same call: both are sent to one local server and their requests compared field by field
/// (paging fields aside: the CLI pages its own way).
/// </summary>
public class WireConformanceTests
{
    private static readonly HashSet<string> PagingFields = ["Marker", "MaxItems", "MaxRecords", "NextToken"];

    private static string Cli => Environment.GetEnvironmentVariable("SHODO_AWS_CLI") is { Length: > 0 } cli ? cli : "/usr/bin/aws";

    private static Reply Answer(SeenRequest r) => r.Field("Action") is { } action
        ? Reply.QueryResult(action, "", action.StartsWith("DescribeDB", StringComparison.Ordinal) ? "http://rds.amazonaws.com/doc/2014-10-31/" : "https://iam.amazonaws.com/doc/2010-05-08/")
        : Reply.Json("{}");

    private static async Task<SeenRequest> ViaAwsCli(params string[] args)
    {
        await using var server = await AwsTestServer.StartAsync(Answer);
        var start = new ProcessStartInfo(Cli) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var a in args) start.ArgumentList.Add(a);
        start.ArgumentList.Add("--endpoint-url");
        start.ArgumentList.Add(server.Url.ToString());
        start.Environment["AWS_ACCESS_KEY_ID"] = TestConnections.AccessKeyId;
        start.Environment["AWS_SECRET_ACCESS_KEY"] = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY";
        start.Environment["AWS_DEFAULT_REGION"] = "us-east-1";
        start.Environment["AWS_CONFIG_FILE"] = "/dev/null";
        start.Environment["AWS_SHARED_CREDENTIALS_FILE"] = "/dev/null";
        start.Environment["AWS_EC2_METADATA_DISABLED"] = "true";
        start.Environment["AWS_PAGER"] = "";
        start.Environment.Remove("AWS_PROFILE");
        using var process = Process.Start(start)!;
        var stderr = process.StandardError.ReadToEndAsync();
        await process.StandardOutput.ReadToEndAsync();
        await process.WaitForExitAsync();
        Assert.True(process.ExitCode == 0, $"aws {string.Join(' ', args)} failed: {await stderr}");
        return server.Requests.First();
    }

    private static async Task<SeenRequest> ViaShodo(Func<Shodo.Aws.Connection.AwsConnection, Task> call)
    {
        await using var server = await AwsTestServer.StartAsync(Answer);
        using var aws = await TestConnections.OpenAsync(server.Url);
        await call(aws);
        return server.Requests.First();
    }

    private static void SameForm(SeenRequest cli, SeenRequest shodo)
    {
        Dictionary<string, string> Fields(SeenRequest r) => r.Form.Where(f => !PagingFields.Contains(f.Key)).ToDictionary();
        Assert.Equal(Fields(cli).OrderBy(f => f.Key), Fields(shodo).OrderBy(f => f.Key));
    }

    private static void SameJson(SeenRequest cli, SeenRequest shodo)
    {
        Assert.Equal(cli.Header("X-Amz-Target"), shodo.Header("X-Amz-Target"));
        Assert.Equal(cli.Header("Content-Type"), shodo.Header("Content-Type"));
        JsonNode Body(SeenRequest r)
        {
            var body = JsonNode.Parse(r.Body)!.AsObject();
            foreach (var paging in PagingFields) body.Remove(paging);
            return body;
        }
        Assert.True(JsonNode.DeepEquals(Body(cli), Body(shodo)), $"aws: {cli.Body}\nshodo: {shodo.Body}");
    }

    [Fact]
    public async Task Iam_tag_user_matches_the_aws_cli() => SameForm(
        await ViaAwsCli("iam", "tag-user", "--user-name", "mallory", "--tags", "Key=shodo:case,Value=case 1", "Key=b,Value=2"),
        await ViaShodo(aws => aws.Iam().SendAsync(new TagUser("mallory", new Dictionary<string, string> { ["shodo:case"] = "case 1", ["b"] = "2" }))));

    [Fact]
    public async Task Iam_update_access_key_matches_the_aws_cli() => SameForm(
        await ViaAwsCli("iam", "update-access-key", "--user-name", "dev", "--access-key-id", TestConnections.AccessKeyId, "--status", "Inactive"),
        await ViaShodo(aws => aws.Iam().SendAsync(new UpdateAccessKey(TestConnections.AccessKeyId, "Inactive", "dev"))));

    [Fact]
    public async Task Iam_put_user_policy_matches_the_aws_cli()
    {
        const string deny = """{"Version":"2012-10-17","Statement":[{"Effect":"Deny","Action":"*","Resource":"*"}]}""";
        SameForm(
            await ViaAwsCli("iam", "put-user-policy", "--user-name", "dev", "--policy-name", "shodo-deny", "--policy-document", deny),
            await ViaShodo(aws => aws.Iam().SendAsync(new PutUserPolicy("dev", "shodo-deny", deny))));
    }

    [Fact]
    public async Task Iam_get_account_authorization_details_matches_the_aws_cli() => SameForm(
        await ViaAwsCli("iam", "get-account-authorization-details", "--filter", "User", "Role"),
        await ViaShodo(aws => aws.Iam().ListAllAsync(new GetAccountAuthorizationDetails(["User", "Role"]))));

    [Fact]
    public async Task Rds_describe_db_snapshots_matches_the_aws_cli() => SameForm(
        await ViaAwsCli("rds", "describe-db-snapshots", "--db-instance-identifier", "orders", "--snapshot-type", "manual", "--include-shared"),
        await ViaShodo(aws => aws.Rds().ListAllAsync(new DescribeDBSnapshots("orders", "manual", IncludeShared: true))));

    [Fact]
    public async Task Rds_describe_db_cluster_snapshots_and_attributes_match_the_aws_cli()
    {
        SameForm(
            await ViaAwsCli("rds", "describe-db-cluster-snapshots", "--db-cluster-identifier", "crm", "--snapshot-type", "manual"),
            await ViaShodo(aws => aws.Rds().ListAllAsync(new DescribeDBClusterSnapshots("crm", "manual"))));
        SameForm(
            await ViaAwsCli("rds", "describe-db-cluster-snapshot-attributes", "--db-cluster-snapshot-identifier", "crm-export"),
            await ViaShodo(aws => aws.Rds().SendAsync(new DescribeDBClusterSnapshotAttributes("crm-export"))));
    }

    [Fact]
    public async Task Cloudtrail_lookup_events_matches_the_aws_cli() => SameJson(
        await ViaAwsCli("cloudtrail", "lookup-events", "--lookup-attributes", $"AttributeKey=AccessKeyId,AttributeValue={TestConnections.AccessKeyId}",
            "--start-time", "2026-11-27T00:00:00Z", "--end-time", "2026-11-28T00:00:00Z", "--page-size", "50"),
        await ViaShodo(aws => aws.CloudTrail().ListAllAsync(new LookupEvents(new LookupAttribute("AccessKeyId", TestConnections.AccessKeyId),
            DateTimeOffset.Parse("2026-11-27T00:00:00Z"), DateTimeOffset.Parse("2026-11-28T00:00:00Z")))));

    [Fact]
    public async Task Cloudtrail_describe_trails_and_get_trail_status_match_the_aws_cli()
    {
        SameJson(await ViaAwsCli("cloudtrail", "describe-trails", "--include-shadow-trails"),
            await ViaShodo(aws => aws.CloudTrail().SendAsync(new DescribeTrails())));
        SameJson(await ViaAwsCli("cloudtrail", "get-trail-status", "--name", "main"),
            await ViaShodo(aws => aws.CloudTrail().SendAsync(new GetTrailStatus("main"))));
    }
}
