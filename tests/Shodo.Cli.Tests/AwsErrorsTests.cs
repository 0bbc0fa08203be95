using System.Net;
using System.Net.Sockets;
using Shodo.Diagnostics;

namespace Shodo.Cli.Tests;

/// <summary>Expected AWS failures end with one sentence and their exit code, never a stack trace.</summary>
public class AwsErrorsTests
{
    private static string ClosedPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return $"http://127.0.0.1:{port}";
    }

    private static void OneSentenceNoTrace(CliRun run)
    {
        Assert.DoesNotContain("   at ", run.Error);
        Assert.DoesNotContain("Exception", run.Error.Split('\n')[0]);
        Assert.True(run.Error.TrimEnd().Split('\n').Length <= 2, run.Error);
    }

    [Fact]
    public async Task An_unreachable_endpoint_url_is_exit_code_7_with_one_sentence()
    {
        var run = await CliRun.Invoke(StsServer.Keys, "whoami", "--endpoint-url", ClosedPort());

        Assert.Equal((int)ExitCode.Unreachable, run.ExitCode);
        OneSentenceNoTrace(run);
        Assert.Contains("--endpoint-url", run.Error);
    }

    [Fact]
    public async Task Access_denied_is_exit_code_5_and_points_at_shodo_policy()
    {
        await using var server = await StsServer.StartAsync(403,
            "<ErrorResponse><Error><Type>Sender</Type><Code>AccessDenied</Code><Message>not allowed</Message></Error><RequestId>r</RequestId></ErrorResponse>");
        var run = await CliRun.Invoke(StsServer.Keys, "whoami", "--endpoint-url", server.Url);

        Assert.Equal((int)ExitCode.AccessDenied, run.ExitCode);
        OneSentenceNoTrace(run);
        Assert.Contains("shodo policy", run.Error);
    }

    [Fact]
    public async Task AWS_unavailable_after_every_retry_is_exit_code_6_saying_run_again_or_resume()
    {
        await using var server = await StsServer.StartAsync(503,
            "<ErrorResponse><Error><Type>Receiver</Type><Code>ServiceUnavailable</Code><Message>Service is unavailable.</Message></Error><RequestId>r</RequestId></ErrorResponse>");
        var run = await CliRun.Invoke(StsServer.Keys, "whoami", "--endpoint-url", server.Url);

        Assert.Equal((int)ExitCode.Throttled, run.ExitCode);
        OneSentenceNoTrace(run);
        Assert.Contains("unavailable", run.Error);
        Assert.Contains("run the command again", run.Error);
        Assert.DoesNotContain("correct the request", run.Error);
        Assert.Equal(Shodo.Aws.Resilience.AwsRetryOptions.Default.MaxAttempts, server.Authorizations.Count);
    }

    [Fact]
    public async Task Rejected_keys_are_exit_code_4()
    {
        await using var server = await StsServer.StartAsync(403,
            "<ErrorResponse><Error><Type>Sender</Type><Code>InvalidClientTokenId</Code><Message>The security token included in the request is invalid.</Message></Error><RequestId>r</RequestId></ErrorResponse>");
        var run = await CliRun.Invoke(StsServer.Keys, "whoami", "--endpoint-url", server.Url);

        Assert.Equal((int)ExitCode.NoCredentials, run.ExitCode);
        OneSentenceNoTrace(run);
    }

    [Fact]
    public async Task A_profile_that_does_not_exist_is_exit_code_4_in_japanese_too()
    {
        var empty = Path.GetTempFileName();
        try
        {
            var env = new Dictionary<string, string?> { ["AWS_SHARED_CREDENTIALS_FILE"] = empty };
            var run = await CliRun.Invoke(env, "whoami", "--profile", "no-such-profile", "--lang", "ja");

            Assert.Equal((int)ExitCode.NoCredentials, run.ExitCode);
            OneSentenceNoTrace(run);
            Assert.Contains("no-such-profile", run.Error);
            Assert.Contains("プロファイル", run.Error);
        }
        finally { File.Delete(empty); }
    }

    [Fact]
    public async Task A_malformed_endpoint_url_is_a_usage_error()
    {
        var run = await CliRun.Invoke(StsServer.Keys, "whoami", "--endpoint-url", "ftp://nowhere");
        Assert.Equal((int)ExitCode.Usage, run.ExitCode);
        OneSentenceNoTrace(run);
    }
}
