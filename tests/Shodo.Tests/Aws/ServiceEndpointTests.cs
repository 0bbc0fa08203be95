using Shodo.Aws.Errors;
using Shodo.Aws.Protocols;
using Shodo.Diagnostics;

namespace Shodo.Tests.Aws;

public class ServiceEndpointTests
{
    [Theory]
    [InlineData("eu-west-1", "https://iam.amazonaws.com/", "us-east-1")]
    [InlineData("cn-northwest-1", "https://iam.cn-north-1.amazonaws.com.cn/", "cn-north-1")]
    [InlineData("us-gov-east-1", "https://iam.us-gov.amazonaws.com/", "us-gov-west-1")]
    public void Iam_uses_the_partitions_global_endpoint_and_signing_region(string region, string url, string signing)
    {
        var endpoint = ServiceEndpoint.For(AwsServiceModel.Iam, region, null);
        Assert.Equal((new Uri(url), "iam", signing), (endpoint.Url, endpoint.SigningName, endpoint.SigningRegion));
    }

    [Fact]
    public void Regional_services_use_their_regional_endpoint()
    {
        Assert.Equal(new Uri("https://cloudtrail.ap-northeast-1.amazonaws.com/"),
            ServiceEndpoint.For(AwsServiceModel.CloudTrail, "ap-northeast-1", null).Url);
        Assert.Equal(new Uri("https://rds.cn-north-1.amazonaws.com.cn/"), ServiceEndpoint.For(AwsServiceModel.Rds, "cn-north-1", null).Url);
    }

    [Fact]
    public void An_override_sends_every_service_to_one_url_signed_for_the_region_as_the_aws_cli_does()
    {
        var range = new Uri("http://127.0.0.1:4566/");
        foreach (var service in new[] { AwsServiceModel.Iam, AwsServiceModel.Rds, AwsServiceModel.CloudTrail })
        {
            var endpoint = ServiceEndpoint.For(service, "eu-central-1", range);
            Assert.Equal((range, service.Name, "eu-central-1"), (endpoint.Url, endpoint.SigningName, endpoint.SigningRegion));
        }
    }

    [Theory]
    [InlineData("com.amazonaws.cloudtrail.v20131101#TrailNotFoundException", "TrailNotFoundException")]
    [InlineData("ThrottlingException", "ThrottlingException")]
    [InlineData("AccessDeniedException:http://internal.amazon.com/coral/com.amazon.coral.service/", "AccessDeniedException")]
    public void Json_error_types_are_reduced_to_their_code(string type, string code) =>
        Assert.Equal(code, JsonErrorReader.Code(type));

    [Theory]
    [InlineData("Throttling", 400, ExitCode.Throttled, true)]
    [InlineData("TooManyRequestsException", 400, ExitCode.Throttled, true)]
    [InlineData("SlowDown", 503, ExitCode.Throttled, true)]
    [InlineData("InternalFailure", 500, ExitCode.Throttled, true)]
    [InlineData("UnrecognizedClientException", 400, ExitCode.NoCredentials, false)]
    [InlineData("AuthFailure", 401, ExitCode.NoCredentials, false)]
    [InlineData("UnauthorizedOperation", 403, ExitCode.AccessDenied, false)]
    [InlineData("NoSuchEntity", 404, ExitCode.Failure, false)]
    public void Codes_map_to_exit_codes_and_retryability(string code, int status, ExitCode exit, bool retryable)
    {
        Assert.Equal(exit, AwsErrorCodes.ExitCodeFor(code, status));
        Assert.Equal(retryable, AwsErrorCodes.IsRetryable(code, status));
    }
}
