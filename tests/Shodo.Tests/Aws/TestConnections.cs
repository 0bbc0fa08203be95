using Amazon.Runtime;
using Shodo.Aws.Connection;
using Shodo.Aws.Resilience;
using Shodo.Aws.Safety;

namespace Shodo.Tests.Aws;

/// <summary>
/// Connections to a test server with fixed keys and quick retries. Timeouts are generous on purpose:
/// on a loaded machine a slow first answer must not turn into a retry and change what a test counts.
/// </summary>
public static class TestConnections
{
    public const string AccessKeyId = "AKIAIOSFODNN7EXAMPLE";

    public static AwsRetryOptions QuickRetry { get; } = new()
    {
        MaxAttempts = 3, BaseDelay = TimeSpan.FromMilliseconds(1), MaxDelay = TimeSpan.FromMilliseconds(5),
        AttemptTimeout = TimeSpan.FromSeconds(30), TotalTimeout = TimeSpan.FromSeconds(60), ConnectTimeout = TimeSpan.FromSeconds(10),
    };

    public static Task<AwsConnection> OpenAsync(Uri endpoint, IRefusalSink? sink = null, string region = "us-east-1") =>
        AwsConnection.OpenAsync(new AwsConnectionOptions
        {
            Credentials = new BasicAWSCredentials(AccessKeyId, "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY"),
            Region = region,
            EndpointUrl = endpoint,
            Retry = QuickRetry,
            RefusalSink = sink ?? NoRefusalSink.Instance,
        });
}

/// <summary>Keeps refusals in memory, as the case journal will keep them on disk.</summary>
public sealed class RecordedRefusals : IRefusalSink
{
    public List<RefusedCall> Calls { get; } = [];
    public void Record(RefusedCall call) { lock (Calls) Calls.Add(call); }
}
