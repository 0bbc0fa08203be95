using Shodo.Aws.Errors;
using Shodo.Aws.Iam.Calls;
using Shodo.Aws.Rds.Calls;
using Shodo.Diagnostics;

namespace Shodo.Tests.Aws;

public class QueryProtocolTests
{
    private static string User(string name) =>
        $"<member><Path>/</Path><UserName>{name}</UserName><UserId>AIDA{name.ToUpperInvariant()}</UserId>" +
        $"<Arn>arn:aws:iam::111122223333:user/{name}</Arn><CreateDate>2026-11-27T10:00:00Z</CreateDate></member>";

    [Fact]
    public async Task Iam_list_follows_Marker_while_IsTruncated_and_signs_every_page()
    {
        await using var server = await AwsTestServer.StartAsync((r, n) => n == 1
            ? Reply.QueryResult("ListUsers", $"<Users>{User("alice")}{User("bob")}</Users><IsTruncated>true</IsTruncated><Marker>page-2</Marker>", requestId: "r1")
            : Reply.QueryResult("ListUsers", $"<Users>{User("mallory")}</Users><IsTruncated>false</IsTruncated>", requestId: "r2"));
        using var aws = await TestConnections.OpenAsync(server.Url);

        var pages = new List<Shodo.Aws.Protocols.AwsPage<Shodo.Aws.Iam.Model.IamUser>>();
        await foreach (var page in aws.Iam().PagesAsync(new ListUsers())) pages.Add(page);

        Assert.Equal(["alice", "bob", "mallory"], pages.SelectMany(p => p.Items).Select(u => u.UserName));
        Assert.Equal(["r1", "r2"], pages.Select(p => p.RequestId));
        Assert.Contains("<UserName>mallory</UserName>", System.Text.Encoding.UTF8.GetString(pages[1].Raw));
        var requests = server.Requests.ToArray();
        Assert.Equal(2, requests.Length);
        Assert.All(requests, r =>
        {
            Assert.Equal("POST", r.Method);
            Assert.Equal("ListUsers", r.Field("Action"));
            Assert.Equal("2010-05-08", r.Field("Version"));
            Assert.Equal("1000", r.Field("MaxItems"));
            Assert.StartsWith("AWS4-HMAC-SHA256 ", r.Header("Authorization"));
            Assert.EndsWith("/us-east-1/iam/aws4_request", r.CredentialScope);
        });
        Assert.Null(requests[0].Field("Marker"));
        Assert.Equal("page-2", requests[1].Field("Marker"));
        Assert.Equal(new DateTimeOffset(2026, 11, 27, 10, 0, 0, TimeSpan.Zero), pages[0].Items[0].CreateDate);
    }

    [Fact]
    public async Task Rds_list_follows_Marker_with_MaxRecords_and_its_own_member_names()
    {
        const string ns = "http://rds.amazonaws.com/doc/2014-10-31/";
        static string Db(string id) => $"<DBInstance><DBInstanceIdentifier>{id}</DBInstanceIdentifier><Engine>postgres</Engine>" +
                                       $"<PubliclyAccessible>true</PubliclyAccessible><Endpoint><Address>{id}.example</Address></Endpoint></DBInstance>";
        await using var server = await AwsTestServer.StartAsync((r, n) => n == 1
            ? Reply.QueryResult("DescribeDBInstances", $"<DBInstances>{Db("orders")}</DBInstances><Marker>m-2</Marker>", ns)
            : Reply.QueryResult("DescribeDBInstances", $"<DBInstances>{Db("customers")}</DBInstances>", ns));
        using var aws = await TestConnections.OpenAsync(server.Url, region: "ap-northeast-1");

        var dbs = await aws.Rds().ListAllAsync(new DescribeDBInstances());

        Assert.Equal(["orders", "customers"], dbs.Select(d => d.DBInstanceIdentifier));
        Assert.True(dbs[0].PubliclyAccessible);
        Assert.Equal("orders.example", dbs[0].Endpoint);
        var requests = server.Requests.ToArray();
        Assert.Equal("2014-10-31", requests[0].Field("Version"));
        Assert.Equal("100", requests[0].Field("MaxRecords"));
        Assert.Equal("m-2", requests[1].Field("Marker"));
        Assert.EndsWith("/ap-northeast-1/rds/aws4_request", requests[0].CredentialScope);
    }

    [Fact]
    public async Task Rds_snapshot_attributes_show_who_may_restore()
    {
        await using var server = await AwsTestServer.StartAsync(_ => Reply.QueryResult("DescribeDBSnapshotAttributes",
            "<DBSnapshotAttributesResult><DBSnapshotIdentifier>snap-1</DBSnapshotIdentifier><DBSnapshotAttributes>" +
            "<DBSnapshotAttribute><AttributeName>restore</AttributeName><AttributeValues><AttributeValue>999988887777</AttributeValue>" +
            "</AttributeValues></DBSnapshotAttribute></DBSnapshotAttributes></DBSnapshotAttributesResult>", "http://rds.amazonaws.com/doc/2014-10-31/"));
        using var aws = await TestConnections.OpenAsync(server.Url);

        var attributes = await aws.Rds().SendAsync(new DescribeDBSnapshotAttributes("snap-1"));

        Assert.Equal("snap-1", attributes.DBSnapshotIdentifier);
        Assert.Equal(["999988887777"], attributes.RestorableBy);
        Assert.Equal("snap-1", server.Requests.Single().Field("DBSnapshotIdentifier"));
    }

    [Fact]
    public async Task ErrorResponse_becomes_one_error_with_code_message_request_id_and_status()
    {
        await using var server = await AwsTestServer.StartAsync(_ =>
            Reply.QueryError(404, "NoSuchEntity", "The user with name ghost cannot be found.", "req-404"));
        using var aws = await TestConnections.OpenAsync(server.Url);

        var error = await Assert.ThrowsAsync<AwsServiceError>(() => aws.Iam().SendAsync(new GetLoginProfile("ghost")));

        Assert.Equal(("iam", "GetLoginProfile", "NoSuchEntity", "req-404", 404),
            (error.Service, error.Operation, error.Code, error.RequestId, error.HttpStatus));
        Assert.Equal("The user with name ghost cannot be found.", error.AwsMessage);
        Assert.Equal(ExitCode.Failure, error.Diagnostic.Code);
        Assert.Equal(1, server.Count);
    }

    [Fact]
    public async Task Find_turns_NoSuchEntity_into_null_but_not_other_errors()
    {
        await using var server = await AwsTestServer.StartAsync(r => r.Field("UserName") == "ghost"
            ? Reply.QueryError(404, "NoSuchEntity", "Login Profile for User ghost cannot be found.")
            : Reply.QueryError(403, "AccessDenied", "no"));
        using var aws = await TestConnections.OpenAsync(server.Url);

        Assert.Null(await aws.Iam().FindAsync(new GetLoginProfile("ghost")));
        await Assert.ThrowsAsync<AwsServiceError>(() => aws.Iam().FindAsync(new GetLoginProfile("dev")));
    }

    [Theory]
    [InlineData("AccessDenied", 403, ExitCode.AccessDenied)]
    [InlineData("InvalidClientTokenId", 403, ExitCode.NoCredentials)]
    [InlineData("SignatureDoesNotMatch", 403, ExitCode.NoCredentials)]
    [InlineData("ExpiredToken", 400, ExitCode.NoCredentials)]
    public async Task Error_codes_map_to_exit_codes_without_retrying(string code, int status, ExitCode expected)
    {
        await using var server = await AwsTestServer.StartAsync(_ => Reply.QueryError(status, code, "no"));
        using var aws = await TestConnections.OpenAsync(server.Url);

        var error = await Assert.ThrowsAsync<AwsServiceError>(() => aws.Iam().ListAllAsync(new ListUsers()));

        Assert.Equal(expected, error.Diagnostic.Code);
        Assert.Equal(1, server.Count);
        Assert.DoesNotContain("\n", error.Diagnostic.Summary);
    }

    [Fact]
    public async Task Throttling_is_retried_and_then_succeeds()
    {
        await using var server = await AwsTestServer.StartAsync((r, n) => n < 3
            ? Reply.QueryError(400, "Throttling", "Rate exceeded")
            : Reply.QueryResult("GetAccountSummary", "<SummaryMap><entry><key>Users</key><value>7</value></entry></SummaryMap>"));
        using var aws = await TestConnections.OpenAsync(server.Url);

        var summary = await aws.Iam().SendAsync(new GetAccountSummary());

        Assert.Equal(7, summary["Users"]);
        Assert.Equal(3, server.Count);
    }

    [Fact]
    public async Task Throttling_that_never_stops_ends_as_Throttled_after_the_attempt_cap()
    {
        await using var server = await AwsTestServer.StartAsync(_ => Reply.QueryError(400, "Throttling", "Rate exceeded"));
        using var aws = await TestConnections.OpenAsync(server.Url);

        var error = await Assert.ThrowsAsync<AwsServiceError>(() => aws.Iam().SendAsync(new GetAccountSummary()));

        Assert.Equal(ExitCode.Throttled, error.Diagnostic.Code);
        Assert.Equal(TestConnections.QuickRetry.MaxAttempts, server.Count);
    }

    [Fact]
    public async Task A_5xx_page_that_is_not_xml_is_retried_and_reported_by_status()
    {
        await using var server = await AwsTestServer.StartAsync(_ => new Reply(502, "<html>Bad gateway</html>", "text/html"));
        using var aws = await TestConnections.OpenAsync(server.Url);

        var error = await Assert.ThrowsAsync<AwsServiceError>(() => aws.Iam().SendAsync(new GetAccountSummary()));

        Assert.Equal("InternalFailure", error.Code);
        Assert.Equal(502, error.HttpStatus);
        Assert.Equal(TestConnections.QuickRetry.MaxAttempts, server.Count);
    }

    [Fact]
    public async Task Inline_policy_documents_are_url_decoded_and_tags_are_sent_as_members()
    {
        var document = """{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"*","Resource":"*"}]}""";
        await using var server = await AwsTestServer.StartAsync(r => r.Action == "GetUserPolicy"
            ? Reply.QueryResult("GetUserPolicy", $"<UserName>mallory</UserName><PolicyName>x</PolicyName><PolicyDocument>{Uri.EscapeDataString(document)}</PolicyDocument>")
            : Reply.QueryResult(r.Action, ""));
        using var aws = await TestConnections.OpenAsync(server.Url);

        var policy = await aws.Iam().SendAsync(new GetUserPolicy("mallory", "x"));
        await aws.Iam().SendAsync(new TagUser("mallory", new Dictionary<string, string> { ["shodo:case"] = "case-1" }));

        Assert.Equal(document, policy.Document);
        var tag = server.Requests.Last();
        Assert.Equal("shodo:case", tag.Field("Tags.member.1.Key"));
        Assert.Equal("case-1", tag.Field("Tags.member.1.Value"));
    }

    [Fact]
    public async Task Credential_report_content_is_decoded_from_base64()
    {
        var csv = "user,arn\nmallory,arn:aws:iam::111122223333:user/mallory\n";
        await using var server = await AwsTestServer.StartAsync(_ => Reply.QueryResult("GetCredentialReport",
            $"<Content>{Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes(csv))}</Content><ReportFormat>text/csv</ReportFormat>" +
            "<GeneratedTime>2026-11-28T01:02:03Z</GeneratedTime>"));
        using var aws = await TestConnections.OpenAsync(server.Url);

        var report = await aws.Iam().SendAsync(new GetCredentialReport());

        Assert.Equal(csv, report.Csv);
        Assert.Equal("text/csv", report.ReportFormat);
    }
}
