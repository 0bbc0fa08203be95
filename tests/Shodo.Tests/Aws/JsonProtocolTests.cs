using Shodo.Aws.CloudTrail.Calls;
using Shodo.Aws.CloudTrail.Model;
using Shodo.Aws.Errors;
using Shodo.Diagnostics;
using Shodo.Trail.Lookup;

namespace Shodo.Tests.Aws;

public class JsonProtocolTests
{
    private const string Target = "com.amazonaws.cloudtrail.v20131101.CloudTrail_20131101";

    [Fact]
    public async Task LookupEvents_follows_NextToken_with_the_target_header_and_json_body()
    {
        await using var server = await AwsTestServer.StartAsync((r, n) => n == 1
            ? Reply.Json("""{"Events":[{"EventId":"e1","EventName":"CreateUser","ReadOnly":"false","AccessKeyId":"AKIAIOSFODNN7EXAMPLE","EventTime":1.7645328E9,"EventSource":"iam.amazonaws.com","Username":"dev","Resources":[{"ResourceType":"AWS::IAM::User","ResourceName":"backdoor"}],"CloudTrailEvent":"{\"eventVersion\":\"1.08\"}"}],"NextToken":"t-2"}""")
            : Reply.Json("""{"Events":[{"EventId":"e2","EventName":"RunInstances","EventTime":1764532900}]}"""));
        using var aws = await TestConnections.OpenAsync(server.Url, region: "eu-west-1");

        var events = await aws.CloudTrail().ListAllAsync(
            new LookupEvents(new LookupAttribute("AccessKeyId", TestConnections.AccessKeyId)));

        Assert.Equal(["CreateUser", "RunInstances"], events.Select(e => e.EventName));
        Assert.Equal("backdoor", events[0].Resources.Single().ResourceName);
        Assert.Equal(DateTimeOffset.FromUnixTimeSeconds(1764532800), events[0].EventTime);
        var requests = server.Requests.ToArray();
        Assert.Equal(2, requests.Length);
        Assert.All(requests, r =>
        {
            Assert.Equal($"{Target}.LookupEvents", r.Header("X-Amz-Target"));
            Assert.StartsWith("application/x-amz-json-1.1", r.Header("Content-Type"));
            Assert.StartsWith("AWS4-HMAC-SHA256 ", r.Header("Authorization"));
            Assert.EndsWith("/eu-west-1/cloudtrail/aws4_request", r.CredentialScope);
            Assert.Contains("\"AttributeKey\":\"AccessKeyId\"", r.Body);
        });
        Assert.DoesNotContain("NextToken", requests[0].Body);
        Assert.Contains("\"NextToken\":\"t-2\"", requests[1].Body);
    }

    [Fact]
    public async Task Type_errors_lose_their_namespace_prefix()
    {
        await using var server = await AwsTestServer.StartAsync(_ => new Reply(400,
            """{"__type":"com.amazonaws.cloudtrail.v20131101#TrailNotFoundException","Message":"Unknown trail: x"}""",
            "application/x-amz-json-1.1", new Dictionary<string, string> { ["x-amzn-RequestId"] = "ct-req-9" }));
        using var aws = await TestConnections.OpenAsync(server.Url);

        var error = await Assert.ThrowsAsync<AwsServiceError>(() => aws.CloudTrail().SendAsync(new GetTrailStatus("x")));

        Assert.Equal("TrailNotFoundException", error.Code);
        Assert.Equal("Unknown trail: x", error.AwsMessage);
        Assert.Equal("ct-req-9", error.RequestId);
        Assert.Equal(400, error.HttpStatus);
        Assert.Equal(1, server.Count);
    }

    [Fact]
    public async Task AccessDeniedException_maps_to_AccessDenied_and_the_error_type_header_is_a_fallback()
    {
        await using var server = await AwsTestServer.StartAsync(_ => new Reply(400, "", "application/x-amz-json-1.1",
            new Dictionary<string, string> { ["x-amzn-ErrorType"] = "AccessDeniedException:http://internal.amazon.com/coral/" }));
        using var aws = await TestConnections.OpenAsync(server.Url);

        var error = await Assert.ThrowsAsync<AwsServiceError>(() => aws.CloudTrail().SendAsync(new DescribeTrails()));

        Assert.Equal("AccessDeniedException", error.Code);
        Assert.Equal(ExitCode.AccessDenied, error.Diagnostic.Code);
    }

    [Fact]
    public async Task Trails_status_and_selectors_read_their_fields()
    {
        await using var server = await AwsTestServer.StartAsync(r => r.Action switch
        {
            "DescribeTrails" => Reply.Json("""{"trailList":[{"Name":"main","S3BucketName":"logs","IsMultiRegionTrail":true,"HomeRegion":"us-east-1","TrailARN":"arn:aws:cloudtrail:us-east-1:111122223333:trail/main"}]}"""),
            "GetTrailStatus" => Reply.Json("""{"IsLogging":false,"StopLoggingTime":1764500000}"""),
            _ => Reply.Json("""{"TrailARN":"arn","EventSelectors":[{"ReadWriteType":"All","IncludeManagementEvents":true,"DataResources":[]}]}"""),
        });
        using var aws = await TestConnections.OpenAsync(server.Url);
        var ct = aws.CloudTrail();

        var trail = (await ct.SendAsync(new DescribeTrails())).Single();
        var status = await ct.SendAsync(new GetTrailStatus(trail.Name));
        var selectors = await ct.SendAsync(new GetEventSelectors(trail.Name));

        Assert.True(trail.IsMultiRegionTrail);
        Assert.Equal("logs", trail.S3BucketName);
        Assert.False(status.IsLogging);
        Assert.Equal(DateTimeOffset.FromUnixTimeSeconds(1764500000), status.StopLoggingTime);
        Assert.False(selectors.MayRecordDataEvents);
        Assert.Contains("\"includeShadowTrails\":true", server.Requests.First().Body);
    }
}
