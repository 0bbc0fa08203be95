using Shodo.Aws.Errors;
using Shodo.Evidence;

namespace Shodo.Tests.Evidence;

public sealed class GapKindsTests
{
    private static AwsServiceError Error(string code, int status, Exception? inner = null) =>
        code == AwsErrorCodes.Unreachable
            ? AwsServiceError.Unreachable("ec2", "DescribeInstances", "https://ec2.eu-west-1.amazonaws.com", inner)
            : new AwsServiceError("ec2", "DescribeInstances", code, "message", "req-1", status, inner);

    [Theory]
    [InlineData("AccessDenied", 403, "eu-west-1", GapKinds.AccessDenied)]
    [InlineData("UnauthorizedOperation", 403, "eu-west-1", GapKinds.AccessDenied)]
    [InlineData("RequestLimitExceeded", 503, "eu-west-1", GapKinds.Throttled)]
    [InlineData("Throttling", 400, null, GapKinds.Throttled)]
    [InlineData("OptInRequired", 401, "af-south-1", GapKinds.RegionNotEnabled)]
    [InlineData("AuthFailure", 401, "af-south-1", GapKinds.RegionNotEnabled)]
    [InlineData("AuthFailure", 401, "us-east-1", GapKinds.CredentialsRejected)]
    [InlineData("InvalidClientTokenId", 403, null, GapKinds.CredentialsRejected)]
    [InlineData("InvalidAction", 400, null, GapKinds.NotSupported)]
    [InlineData("InternalError", 500, "eu-west-1", GapKinds.Unavailable)]
    [InlineData("Unavailable", 503, "eu-west-1", GapKinds.Unavailable)]
    [InlineData("NoSuchEntity", 404, null, GapKinds.Failed)]
    public void Aws_error_codes_map_to_the_reason_a_call_is_missing(string code, int status, string? region, string kind) =>
        Assert.Equal(kind, GapKinds.Of(Error(code, status), region, "us-east-1"));

    [Theory]
    [InlineData("InvalidClientTokenId", 403)]
    [InlineData("AuthFailure", 401)]
    [InlineData("UnrecognizedClientException", 400)]
    public void Credentials_refused_in_an_opt_in_region_the_account_enabled_are_a_global_endpoint_token_not_a_region_not_enabled(string code, int status)
    {
        Assert.Equal(GapKinds.GlobalEndpointToken, GapKinds.Of(Error(code, status), "ap-east-1", "us-east-1", optedIn: true));
        Assert.Equal(GapKinds.RegionNotEnabled, GapKinds.Of(Error(code, status), "ap-east-1", "us-east-1", optedIn: false));
        Assert.Equal(GapKinds.CredentialsRejected, GapKinds.Of(Error(code, status), "us-east-1", "us-east-1", optedIn: true));
    }

    [Fact]
    public void LookupEvents_refused_for_its_credentials_in_an_enabled_opt_in_region_is_a_global_endpoint_token_too()
    {
        Assert.Equal(GapKinds.GlobalEndpointToken, Shodo.Investigation.Sources.Lookup.LookupEventsSource.GapKind("InvalidClientTokenId", optedIn: true));
        Assert.Equal(GapKinds.RegionNotEnabled, Shodo.Investigation.Sources.Lookup.LookupEventsSource.GapKind("UnrecognizedClientException", optedIn: false));
    }

    [Fact]
    public void The_report_says_what_a_global_endpoint_token_means_and_the_fix_in_both_languages()
    {
        foreach (var culture in new[] { "en", "ja" })
        {
            var word = new Shodo.Reports.ReportText(System.Globalization.CultureInfo.GetCultureInfo(culture)).Word("Gap", GapKinds.GlobalEndpointToken);
            Assert.Contains("sts_regional_endpoints = regional", word);
            Assert.Contains("--global-endpoint-token-version v2Token", word);
        }
    }

    [Fact]
    public void No_answer_in_time_is_TimedOut_and_no_answer_at_all_is_Unreachable()
    {
        Assert.Equal(GapKinds.TimedOut, GapKinds.Of(Error(AwsErrorCodes.Unreachable, 0, new TimeoutException("no answer within 20 s"))));
        Assert.Equal(GapKinds.TimedOut, GapKinds.Of(Error(AwsErrorCodes.Unreachable, 0, new Polly.Timeout.TimeoutRejectedException())));
        Assert.Equal(GapKinds.Unreachable, GapKinds.Of(Error(AwsErrorCodes.Unreachable, 0, new HttpRequestException("connection refused"))));
    }
}
