using System.Text.RegularExpressions;
using Shodo.Cli;
using Shodo.Range.Tests.Infrastructure;

namespace Shodo.Range.Tests.Hosting;

/// <summary><c>shodo range serve</c> runs a range, announces it, writes a profiles file and stops on Ctrl+C.</summary>
public sealed partial class RangeServeCommandTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("shodo-range-serve-").FullName;

    [Fact]
    public async Task Serve_announces_the_url_writes_the_responder_profile_and_stops_cleanly()
    {
        var profiles = Path.Combine(_dir, "credentials");
        var output = new StringWriter();
        var error = new StringWriter();
        var env = new CliEnvironment(TextWriter.Synchronized(output), TextWriter.Synchronized(error),
            new Dictionary<string, string?>(), TimeProvider.System, IsInteractive: false);
        using var stop = new CancellationTokenSource();
        var run = ShodoApp.RunAsync(["range", "serve", "--port", "0", "--profiles-file", profiles, "--account-id", "210987654321",
            "--latency", "none"], env, stop.Token);

        Uri? url = null;
        for (var i = 0; i < 300 && url is null && !run.IsCompleted; i++)
        {
            if (Listening().Match(output.ToString()) is { Success: true } m) url = new Uri(m.Groups[1].Value);
            else await Task.Delay(100);
        }
        Assert.True(url is not null, $"no 'listening' line; out: {output} err: {error}");
        Assert.Equal("127.0.0.1", url.Host);

        var text = await File.ReadAllTextAsync(profiles);
        Assert.Contains("[responder]", text);
        Assert.DoesNotContain("[leaked]", text);
        if (!OperatingSystem.IsWindows())
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(profiles));

        var cli = new AwsCli(url, new RangeCredentials("unused", "unused")).WithProfile(profiles, "responder");
        var identity = await cli.OkAsync("sts", "get-caller-identity");
        Assert.Equal("arn:aws:iam::210987654321:user/responder", identity.GetProperty("Arn").GetString());

        stop.Cancel();
        Assert.Equal(0, await run.WaitAsync(TimeSpan.FromSeconds(30)));
    }

    [Fact]
    public async Task Serve_rejects_rates_outside_zero_to_one()
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var env = new CliEnvironment(output, error, new Dictionary<string, string?>(), TimeProvider.System, IsInteractive: false);
        var code = await ShodoApp.RunAsync(["range", "serve", "--throttle-rate", "1.5"], env);
        Assert.Equal(2, code);
        Assert.Contains("--throttle-rate", error.ToString());
    }

    [Theory]
    [InlineData("--port", "-1", "--port -1 is not a TCP port")]
    [InlineData("--port", "70000", "--port 70000 is not a TCP port")]
    [InlineData("--adversary-interval", "0", "--adversary-interval 0 is not usable")]
    [InlineData("--adversary-interval", "-1", "--adversary-interval -1 is not usable")]
    [InlineData("--adversary-interval", "1e300", "is not usable")]
    [InlineData("--fail-lookup-events", "sometimes", "--fail-lookup-events: 'sometimes' is not a failure")]
    [InlineData("--iam-propagation", "2h", "--iam-propagation must be a duration up to an hour")]
    [InlineData("--iam-propagation", "soon", "got 'soon'")]
    [InlineData("--accounts", "0", "--accounts 0 is not usable")]
    [InlineData("--accounts", "51", "--accounts 51 is not usable")]
    public async Task Serve_refuses_values_it_cannot_use_as_usage_errors(string option, string value, string expected)
    {
        var error = new StringWriter();
        var env = new CliEnvironment(new StringWriter(), error, new Dictionary<string, string?>(), TimeProvider.System, IsInteractive: false);
        var code = await ShodoApp.RunAsync(["range", "serve", option, value, "--lang", "en"], env);
        Assert.Equal(2, code);
        Assert.Contains(expected, error.ToString());
        Assert.DoesNotContain("unexpectedly", error.ToString());
    }

    [Fact]
    public async Task Serve_on_a_port_in_use_says_so_and_how_to_pick_another()
    {
        using var taken = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        taken.Start();
        var port = ((System.Net.IPEndPoint)taken.LocalEndpoint).Port;
        var error = new StringWriter();
        var env = new CliEnvironment(new StringWriter(), error, new Dictionary<string, string?>(), TimeProvider.System, IsInteractive: false);

        var code = await ShodoApp.RunAsync(["range", "serve", "--port", port.ToString(System.Globalization.CultureInfo.InvariantCulture), "--lang", "en"], env)
            .WaitAsync(TimeSpan.FromSeconds(60));

        Assert.Equal(2, code);
        Assert.Contains($"Port {port} on 127.0.0.1 is already in use", error.ToString());
        Assert.DoesNotContain("unexpectedly", error.ToString());
    }

    [Fact]
    public async Task Serve_injects_the_faults_it_is_given_resets_included()
    {
        var output = new StringWriter();
        var env = new CliEnvironment(TextWriter.Synchronized(output), new StringWriter(), new Dictionary<string, string?>(), TimeProvider.System,
            IsInteractive: false);
        using var stop = new CancellationTokenSource();
        var run = ShodoApp.RunAsync(["range", "serve", "--port", "0", "--throttle-rate", "0.5", "--error-rate", "0.1", "--reset-rate", "0.05"],
            env, stop.Token);
        Uri? url = null;
        for (var i = 0; i < 300 && url is null && !run.IsCompleted; i++)
        {
            if (Listening().Match(output.ToString()) is { Success: true } m) url = new Uri(m.Groups[1].Value);
            else await Task.Delay(100);
        }
        Assert.NotNull(url);

        using var http = new HttpClient();
        var faults = System.Text.Json.JsonDocument.Parse(await http.GetStringAsync(new Uri(url, "/_range/faults"))).RootElement;
        Assert.Equal((0.5, 0.1, 0.05), (faults.GetProperty("throttleRate").GetDouble(), faults.GetProperty("errorRate").GetDouble(),
            faults.GetProperty("resetRate").GetDouble()));

        stop.Cancel();
        Assert.Equal(0, await run.WaitAsync(TimeSpan.FromSeconds(30)));
    }

    [Fact]
    public async Task Serve_fails_lookup_events_and_trail_log_reads_in_the_blind_regions_it_is_given()
    {
        var output = new StringWriter();
        var env = new CliEnvironment(TextWriter.Synchronized(output), new StringWriter(), new Dictionary<string, string?>(), TimeProvider.System,
            IsInteractive: false);
        using var stop = new CancellationTokenSource();
        var run = ShodoApp.RunAsync(["range", "serve", "--port", "0", "--fail-lookup-events", "server-error", "--fail-trail-logs", "access-denied",
            "--blind-regions", "eu-west-1,ap-east-1"], env, stop.Token);
        Uri? url = null;
        for (var i = 0; i < 300 && url is null && !run.IsCompleted; i++)
        {
            if (Listening().Match(output.ToString()) is { Success: true } m) url = new Uri(m.Groups[1].Value);
            else await Task.Delay(100);
        }
        Assert.NotNull(url);

        using var http = new HttpClient();
        var sight = System.Text.Json.JsonDocument.Parse(await http.GetStringAsync(new Uri(url, "/_range/faults"))).RootElement.GetProperty("sight");
        Assert.Equal(["lookup-events:server-error:eu-west-1,ap-east-1", "trail-logs:access-denied:eu-west-1,ap-east-1"],
            sight.EnumerateArray().Select(f => $"{f.GetProperty("source")}:{f.GetProperty("failure")}:" +
                string.Join(',', f.GetProperty("regions").EnumerateArray().Select(r => r.GetString()))).ToArray());

        stop.Cancel();
        Assert.Equal(0, await run.WaitAsync(TimeSpan.FromSeconds(30)));
    }

    [Theory]
    [InlineData("--error-rate")]
    [InlineData("--reset-rate")]
    public async Task Serve_rejects_every_fault_rate_outside_zero_to_one(string option)
    {
        var error = new StringWriter();
        var env = new CliEnvironment(new StringWriter(), error, new Dictionary<string, string?>(), TimeProvider.System, IsInteractive: false);
        Assert.Equal(2, await ShodoApp.RunAsync(["range", "serve", option, "-0.1"], env));
        Assert.Contains(option, error.ToString());
    }

    [GeneratedRegex(@"^listening (http://127\.0\.0\.1:\d+)\r?$", RegexOptions.Multiline)]
    private static partial Regex Listening();

    public void Dispose() => Directory.Delete(_dir, recursive: true);
}
