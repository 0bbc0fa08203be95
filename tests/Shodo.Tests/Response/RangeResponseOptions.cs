using Amazon.Runtime;
using Shodo.Aws.Connection;
using Shodo.Cases;
using Shodo.Configuration;
using Shodo.Range;
using Shodo.Response;
using Shodo.Tests.Aws;

namespace Shodo.Tests.Response;

/// <summary>A first response against a range as its responder, with no escalation and no acknowledgement grace.</summary>
internal static class RangeResponseOptions
{
    public static FirstResponseOptions For(RangeHost range, string casesDirectory, ResponseRequest request,
        ShodoConfiguration? configuration = null) => new()
    {
        Connection = new AwsConnectionOptions
        {
            Credentials = new BasicAWSCredentials(range.Responder.AccessKeyId, range.Responder.SecretAccessKey),
            Region = "us-east-1", EndpointUrl = range.Url, Retry = TestConnections.QuickRetry,
        },
        Request = request,
        Configuration = configuration ?? ShodoConfiguration.Empty,
        CasesDirectory = casesDirectory,
        CaseOptions = new CaseOptions(),
        EnvironmentVariable = _ => null,
        AcknowledgementGrace = TimeSpan.Zero,
    };
}
