using Amazon.EC2.Model;
using Shodo.Aws.Ec2;
using Shodo.Aws.Errors;
using Shodo.Diagnostics;

namespace Shodo.Tests.Aws;

/// <summary>SDK clients made by the connection: endpoint override, signing region, error translation.</summary>
public class SdkClientTests
{
    private const string Identity =
        "<GetCallerIdentityResponse xmlns=\"https://sts.amazonaws.com/doc/2011-06-15/\"><GetCallerIdentityResult>" +
        "<Arn>arn:aws:iam::111122223333:user/dev</Arn><UserId>AIDAEXAMPLE</UserId><Account>111122223333</Account>" +
        "</GetCallerIdentityResult><ResponseMetadata><RequestId>sts-1</RequestId></ResponseMetadata></GetCallerIdentityResponse>";

    [Fact]
    public async Task Endpoint_override_routes_the_sts_client_to_the_one_url_signed_for_the_region()
    {
        await using var server = await AwsTestServer.StartAsync(_ => Reply.Xml(Identity));
        using var aws = await TestConnections.OpenAsync(server.Url, region: "ap-northeast-1");

        var me = await aws.WhoAmIAsync();

        Assert.Equal(("111122223333", "arn:aws:iam::111122223333:user/dev"), (me.Account, me.Arn));
        var request = server.Requests.Single();
        Assert.Equal("GetCallerIdentity", request.Field("Action"));
        Assert.EndsWith("/ap-northeast-1/sts/aws4_request", request.CredentialScope);
        Assert.StartsWith(TestConnections.AccessKeyId + "/", request.CredentialScope);
    }

    [Fact]
    public async Task Region_discovery_asks_for_all_regions_and_keeps_only_enabled_ones()
    {
        await using var server = await AwsTestServer.StartAsync(_ => Reply.Xml(
            "<DescribeRegionsResponse xmlns=\"http://ec2.amazonaws.com/doc/2016-11-15/\"><requestId>r</requestId><regionInfo>" +
            "<item><regionName>us-east-1</regionName><regionEndpoint>ec2.us-east-1.amazonaws.com</regionEndpoint><optInStatus>opt-in-not-required</optInStatus></item>" +
            "<item><regionName>ap-east-1</regionName><regionEndpoint>ec2.ap-east-1.amazonaws.com</regionEndpoint><optInStatus>opted-in</optInStatus></item>" +
            "<item><regionName>me-south-1</regionName><regionEndpoint>ec2.me-south-1.amazonaws.com</regionEndpoint><optInStatus>not-opted-in</optInStatus></item>" +
            "</regionInfo></DescribeRegionsResponse>"));
        using var aws = await TestConnections.OpenAsync(server.Url);

        var all = await RegionDiscovery.ListAsync(aws);
        var enabled = await RegionDiscovery.EnabledAsync(aws);

        Assert.Equal(3, all.Count);
        Assert.Equal("not-opted-in", all.Single(r => r.Name == "me-south-1").OptInStatus);
        Assert.Equal(["ap-east-1", "us-east-1"], enabled.Select(r => r.Name));
        Assert.All(server.Requests, r => Assert.Equal("true", r.Field("AllRegions")));
    }

    [Fact]
    public async Task Ec2_UnauthorizedOperation_becomes_the_one_error_type_with_AccessDenied()
    {
        await using var server = await AwsTestServer.StartAsync(_ => Reply.Xml(
            "<Response><Errors><Error><Code>UnauthorizedOperation</Code><Message>You are not authorized to perform this operation.</Message></Error></Errors>" +
            "<RequestID>ec2-req-1</RequestID></Response>", 403));
        using var aws = await TestConnections.OpenAsync(server.Url);

        var error = await Assert.ThrowsAsync<AwsServiceError>(() => aws.Ec2().DescribeInstancesAsync(new DescribeInstancesRequest()));

        Assert.Equal(("ec2", "DescribeInstances", "UnauthorizedOperation", 403), (error.Service, error.Operation, error.Code, error.HttpStatus));
        Assert.Equal("ec2-req-1", error.RequestId);
        Assert.Equal(ExitCode.AccessDenied, error.Diagnostic.Code);
        Assert.Equal(1, server.Count);
    }

    [Fact]
    public async Task Sdk_throttling_is_retried_by_the_sdk_up_to_the_same_attempt_cap()
    {
        await using var server = await AwsTestServer.StartAsync(_ => Reply.Xml(
            "<Response><Errors><Error><Code>RequestLimitExceeded</Code><Message>Request limit exceeded.</Message></Error></Errors>" +
            "<RequestID>ec2-req-2</RequestID></Response>", 503));
        using var aws = await TestConnections.OpenAsync(server.Url);

        var error = await Assert.ThrowsAsync<AwsServiceError>(() => aws.Ec2().DescribeInstancesAsync(new DescribeInstancesRequest()));

        Assert.Equal(ExitCode.Throttled, error.Diagnostic.Code);
        Assert.Equal(TestConnections.QuickRetry.MaxAttempts, server.Count);
    }

    /// <summary>
    /// The SDK's standard mode keeps a retry quota per endpoint that a run of failing calls empties; after
    /// that it gave up on the first Unavailable without retrying. Every call gets its attempts.
    /// </summary>
    [Fact]
    public async Task Every_sdk_call_gets_every_attempt_however_many_calls_gave_up_before()
    {
        await using var server = await AwsTestServer.StartAsync(_ => Reply.Xml(
            "<Response><Errors><Error><Code>Unavailable</Code><Message>The server is overloaded and can't handle the request.</Message></Error></Errors>" +
            "<RequestID>ec2-req-3</RequestID></Response>", 503));
        using var aws = await TestConnections.OpenAsync(server.Url);
        const int calls = 80;

        var errors = new List<AwsServiceError>();
        for (var i = 0; i < calls; i++)
            errors.Add(await Assert.ThrowsAsync<AwsServiceError>(() => aws.Ec2().DescribeInstanceAttributeAsync(new DescribeInstanceAttributeRequest
            {
                InstanceId = "i-0abc", Attribute = "disableApiStop",
            })));

        Assert.Equal(calls * TestConnections.QuickRetry.MaxAttempts, server.Count);
        Assert.All(errors, e => Assert.Equal(("Unavailable", 503, ExitCode.Throttled), (e.Code, e.HttpStatus, e.Diagnostic.Code)));
    }

    [Fact]
    public async Task Sdk_calls_retry_a_reset_connection_and_a_server_error_until_the_answer()
    {
        await using var server = await AwsTestServer.StartAsync((_, n) => n switch
        {
            1 => Reply.Reset,
            2 => Reply.Xml("<Response><Errors><Error><Code>InternalError</Code><Message>An internal error has occurred</Message></Error></Errors>" +
                           "<RequestID>r</RequestID></Response>", 500),
            _ => Reply.Xml(Identity),
        });
        using var aws = await TestConnections.OpenAsync(server.Url);

        var me = await aws.WhoAmIAsync();

        Assert.Equal("111122223333", me.Account);
        Assert.Equal(3, server.Count);
    }

    [Fact]
    public async Task S3_uses_path_style_under_an_endpoint_override()
    {
        await using var server = await AwsTestServer.StartAsync(_ => Reply.Xml(
            "<ListBucketResult xmlns=\"http://s3.amazonaws.com/doc/2006-03-01/\"><Name>trail-logs</Name><KeyCount>0</KeyCount><IsTruncated>false</IsTruncated></ListBucketResult>"));
        using var aws = await TestConnections.OpenAsync(server.Url);

        await aws.S3().ListObjectsV2Async(new Amazon.S3.Model.ListObjectsV2Request { BucketName = "trail-logs" });

        Assert.StartsWith("/trail-logs", server.Requests.Single().Path);
        Assert.EndsWith("/us-east-1/s3/aws4_request", server.Requests.Single().CredentialScope);
    }
}
