using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Shodo.Cli.Tests;

public class WhoamiCommandTests
{
    [Fact]
    public async Task Whoami_asks_sts_at_the_endpoint_url_and_prints_the_account()
    {
        await using var server = await StsServer.StartAsync(200, StsServer.Identity);
        var run = await CliRun.Invoke(StsServer.Keys, "whoami", "--endpoint-url", server.Url, "--region", "eu-west-1", "--output", "json");

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("\"account\":\"111122223333\"", run.Out);
        Assert.Contains("\"region\":\"eu-west-1\"", run.Out);
        Assert.Contains("/eu-west-1/sts/aws4_request", server.Authorizations.Single());
    }

    [Fact]
    public async Task Whoami_text_output_escapes_hostile_strings_from_aws()
    {
        await using var server = await StsServer.StartAsync(200, StsServer.Identity.Replace("user/dev", "user/dev&#x1b;[2J"));
        var run = await CliRun.Invoke(StsServer.Keys, "whoami", "--endpoint-url", server.Url);

        Assert.Equal(0, run.ExitCode);
        Assert.False(run.Out.Contains('\u001b'), run.Out);
        Assert.Contains("\\u001b", run.Out);
    }
}

/// <summary>A loopback STS that answers every request the same way, for CLI tests.</summary>
internal sealed class StsServer : IAsyncDisposable
{
    public const string Identity =
        "<GetCallerIdentityResponse xmlns=\"https://sts.amazonaws.com/doc/2011-06-15/\"><GetCallerIdentityResult>" +
        "<Arn>arn:aws:iam::111122223333:user/dev</Arn><UserId>AIDAEXAMPLE</UserId><Account>111122223333</Account>" +
        "</GetCallerIdentityResult><ResponseMetadata><RequestId>sts-1</RequestId></ResponseMetadata></GetCallerIdentityResponse>";

    public static IReadOnlyDictionary<string, string?> Keys { get; } = new Dictionary<string, string?>
    {
        ["AWS_ACCESS_KEY_ID"] = "AKIAIOSFODNN7EXAMPLE",
        ["AWS_SECRET_ACCESS_KEY"] = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY",
    };

    private readonly WebApplication _app;
    private StsServer(WebApplication app) => _app = app;

    public string Url { get; private set; } = "";
    public ConcurrentQueue<string> Authorizations { get; } = new();

    public static async Task<StsServer> StartAsync(int status, string body)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var app = builder.Build();
        var server = new StsServer(app);
        app.Run(async http =>
        {
            server.Authorizations.Enqueue(http.Request.Headers.Authorization.ToString());
            http.Response.StatusCode = status;
            http.Response.ContentType = "text/xml";
            await http.Response.WriteAsync(body);
        });
        await app.StartAsync();
        server.Url = app.Urls.First();
        return server;
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
