using System.Net;
using System.Net.Sockets;
using Amazon.Runtime;
using Microsoft.Extensions.Time.Testing;
using Shodo.Aws.Connection;
using Shodo.Aws.Errors;
using Shodo.Aws.Iam.Calls;
using Shodo.Diagnostics;

namespace Shodo.Tests.Aws;

/// <summary>No answer from the endpoint is "unreachable" (exit 7) for every client, and ends within the total cap.</summary>
public class UnreachableTests
{
    private static Uri ClosedPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return new Uri($"http://127.0.0.1:{port}/");
    }

    [Fact]
    public async Task Hand_written_client_reports_a_closed_port_as_unreachable_after_its_attempts()
    {
        using var aws = await TestConnections.OpenAsync(ClosedPort());

        var error = await Assert.ThrowsAsync<AwsServiceError>(() => aws.Iam().ListAllAsync(new ListUsers()));

        Assert.Equal(ExitCode.Unreachable, error.Diagnostic.Code);
        Assert.Equal(AwsErrorCodes.Unreachable, error.Code);
        Assert.Equal(0, error.HttpStatus);
    }

    [Fact]
    public async Task Sdk_client_reports_a_closed_port_as_unreachable()
    {
        using var aws = await TestConnections.OpenAsync(ClosedPort());

        var error = await Assert.ThrowsAsync<AwsServiceError>(() => aws.WhoAmIAsync());

        Assert.Equal(ExitCode.Unreachable, error.Diagnostic.Code);
        Assert.Equal(("sts", "GetCallerIdentity"), (error.Service, error.Operation));
    }

    private static async Task<T> AdvanceUntilDone<T>(FakeTimeProvider time, Task<T> call)
    {
        for (var i = 0; i < 200 && !call.IsCompleted; i++)
        {
            time.Advance(TimeSpan.FromSeconds(1));
            await Task.Delay(20);
        }
        return await call;
    }

    private static async Task<(AwsTestServer Server, AwsConnection Aws, FakeTimeProvider Time, TaskCompletionSource Release)> Silent()
    {
        var release = new TaskCompletionSource();
        var server = await AwsTestServer.StartAsync(_ => { release.Task.Wait(TimeSpan.FromSeconds(30)); return Reply.Xml("<x/>"); });
        var time = new FakeTimeProvider(DateTimeOffset.Parse("2026-11-28T00:00:00Z"));
        var aws = await AwsConnection.OpenAsync(new AwsConnectionOptions
        {
            Credentials = new BasicAWSCredentials(TestConnections.AccessKeyId, "secret"),
            Region = "us-east-1",
            EndpointUrl = server.Url,
            Time = time,
            Retry = TestConnections.QuickRetry with { AttemptTimeout = TimeSpan.FromSeconds(30), TotalTimeout = TimeSpan.FromSeconds(20) },
        });
        return (server, aws, time, release);
    }

    [Fact]
    public async Task An_endpoint_that_never_answers_is_given_up_at_the_total_cap_by_the_hand_written_client()
    {
        var (server, aws, time, release) = await Silent();
        await using (server)
        using (aws)
        {
            var error = await Assert.ThrowsAsync<AwsServiceError>(() => AdvanceUntilDone(time, aws.Iam().SendAsync(new GetAccountSummary())));
            release.SetResult();
            Assert.Equal(ExitCode.Unreachable, error.Diagnostic.Code);
        }
    }

    [Fact]
    public async Task An_endpoint_that_never_answers_is_given_up_at_the_total_cap_by_the_sdk_client()
    {
        var (server, aws, time, release) = await Silent();
        await using (server)
        using (aws)
        {
            var error = await Assert.ThrowsAsync<AwsServiceError>(() => AdvanceUntilDone(time, aws.WhoAmIAsync()));
            release.SetResult();
            Assert.Equal(ExitCode.Unreachable, error.Diagnostic.Code);
            Assert.Contains("20 s", error.Diagnostic.Detail);
        }
    }
}
