using System.Diagnostics;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace Shodo.Range.Tests.Infrastructure;

/// <summary>
/// Runs the real AWS CLI (Debian's /usr/bin/aws, or $SHODO_AWS_CLI) against a range, isolated from
/// the machine's AWS configuration: credentials only from the environment, no config files, no
/// instance metadata, JSON output, no pager, one attempt (so injected faults are seen, not retried).
/// </summary>
public sealed partial class AwsCli(Uri endpoint, RangeCredentials credentials, string region = "us-east-1")
{
    public static string Executable =>
        System.Environment.GetEnvironmentVariable("SHODO_AWS_CLI") is { Length: > 0 } path ? path : "/usr/bin/aws";

    public Uri Endpoint { get; } = endpoint;
    public RangeCredentials Credentials { get; } = credentials;
    public string Region { get; } = region;

    /// <summary>Extra environment variables (e.g. AWS_MAX_ATTEMPTS) for every run of this instance.</summary>
    public IReadOnlyDictionary<string, string> Environment { get; init; } = new Dictionary<string, string>();

    /// <summary>When set, credentials come from this shared credentials file and profile instead of the environment.</summary>
    public (string File, string Profile)? ProfileSource { get; init; }

    /// <summary>The same CLI reading credentials from a profile in a shared credentials file.</summary>
    public AwsCli WithProfile(string file, string profile) =>
        new(Endpoint, Credentials, Region) { Environment = Environment, ProfileSource = (file, profile) };

    /// <summary>The same CLI with other credentials.</summary>
    public AwsCli As(RangeCredentials other) => new(Endpoint, other, Region) { Environment = Environment };

    /// <summary>
    /// The same CLI sending every request through the range as its HTTP proxy (HTTP_PROXY, NO_PROXY empty): the request target
    /// is the absolute URI, so a host the model prefixes (S3 Control's <c>{AccountId}.127.0.0.1</c>, which loopback does not
    /// resolve) reaches the range with that Host.
    /// </summary>
    public AwsCli ThroughRangeAsProxy() => new(Endpoint, Credentials, Region)
    {
        Environment = new Dictionary<string, string>(Environment)
        {
            ["HTTP_PROXY"] = Endpoint.ToString().TrimEnd('/'), ["NO_PROXY"] = "", ["http_proxy"] = Endpoint.ToString().TrimEnd('/'),
            ["no_proxy"] = "",
        },
        ProfileSource = ProfileSource,
    };

    /// <summary>The same CLI signing for another region.</summary>
    public AwsCli InRegion(string other) => new(Endpoint, Credentials, other) { Environment = Environment };

    /// <summary>
    /// Runs <c>aws ARGS --endpoint-url URL --output json --no-cli-pager</c>: through a warm
    /// <see cref="AwsCliWorkers">worker</see> running the same CLI entry point when the CLI is Debian's
    /// (set SHODO_AWS_CLI_PROCESS=1 to start a process per call instead), or as its own process.
    /// </summary>
    public async Task<AwsCliResult> RunAsync(params string[] args)
    {
        List<string> arguments = [.. args, "--endpoint-url", Endpoint.ToString().TrimEnd('/'), "--output", "json", "--no-cli-pager"];
        var env = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["AWS_DEFAULT_REGION"] = Region,
            ["AWS_CONFIG_FILE"] = "/nonexistent/shodo-range-tests/config",
        };
        if (ProfileSource is var (file, profile))
        {
            env["AWS_SHARED_CREDENTIALS_FILE"] = file;
            env["AWS_PROFILE"] = profile;
        }
        else
        {
            env["AWS_SHARED_CREDENTIALS_FILE"] = "/nonexistent/shodo-range-tests/credentials";
            env["AWS_ACCESS_KEY_ID"] = Credentials.AccessKeyId;
            env["AWS_SECRET_ACCESS_KEY"] = Credentials.SecretAccessKey;
            if (Credentials.SessionToken is { } token) env["AWS_SESSION_TOKEN"] = token;
        }
        env["AWS_EC2_METADATA_DISABLED"] = "true";
        env["AWS_MAX_ATTEMPTS"] = "1";
        env["AWS_RETRY_MODE"] = "standard";
        env["AWS_PAGER"] = "";
        foreach (var (name, value) in Environment) env[name] = value;

        var (code, output, error) = AwsCliWorkers.Usable(Executable)
            ? await AwsCliWorkers.RunAsync(arguments, env)
            : await RunProcessAsync(arguments, env);
        JsonDocument? json = null;
        if (output.TrimStart().StartsWith('{') || output.TrimStart().StartsWith('['))
            json = JsonDocument.Parse(output);
        return new AwsCliResult(code, json, output, error);
    }

    private static async Task<(int Code, string Out, string Error)> RunProcessAsync(IEnumerable<string> arguments, IReadOnlyDictionary<string, string> env)
    {
        var start = new ProcessStartInfo(Executable)
        {
            RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false,
        };
        foreach (var arg in arguments) start.ArgumentList.Add(arg);
        foreach (var name in start.Environment.Keys.Where(k => k.StartsWith("AWS_", StringComparison.Ordinal)
                     || k.ToLowerInvariant() is "http_proxy" or "https_proxy" or "no_proxy").ToList())
            start.Environment.Remove(name);
        foreach (var (name, value) in env) start.Environment[name] = value;
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start {Executable}");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        await process.WaitForExitAsync(timeout.Token);
        return (process.ExitCode, await stdout, await stderr);
    }

    /// <summary>Runs and requires success; returns the parsed JSON root (an empty object if no output).</summary>
    public async Task<JsonElement> OkAsync(params string[] args)
    {
        var result = await RunAsync(args);
        if (result.ExitCode != 0)
            throw new Xunit.Sdk.XunitException(
                $"aws {string.Join(' ', args)} failed with {result.ExitCode}: {result.Stderr}");
        return result.Json?.RootElement ?? JsonDocument.Parse("{}").RootElement;
    }

    /// <summary>
    /// Runs with --debug and requires the AWS error code <paramref name="code"/> answered with HTTP <paramref name="status"/>
    /// (as the CLI's own wire log shows it); returns the result.
    /// </summary>
    public async Task<AwsCliResult> FailsWithStatusAsync(string code, int status, params string[] args)
    {
        var result = await FailsWithAsync(code, [.. args, "--debug"]);
        var statuses = System.Text.RegularExpressions.Regex.Matches(result.Stderr, @"HTTP/1\.1"" (\d{3})").Select(m => int.Parse(m.Groups[1].Value)).ToList();
        if (statuses.Count == 0 || statuses[^1] != status)
            throw new Xunit.Sdk.XunitException($"aws {string.Join(' ', args)}: expected HTTP {status}, saw [{string.Join(", ", statuses)}]");
        return result;
    }

    /// <summary>Runs and requires the AWS error code <paramref name="code"/>; returns the result.</summary>
    public async Task<AwsCliResult> FailsWithAsync(string code, params string[] args)
    {
        var result = await RunAsync(args);
        if (result.ExitCode == 0 || result.ErrorCode != code)
            throw new Xunit.Sdk.XunitException(
                $"aws {string.Join(' ', args)}: expected {code}, got exit {result.ExitCode}: {result.Stderr}{result.Stdout}");
        return result;
    }
}

/// <summary>What one AWS CLI run produced.</summary>
public sealed partial record AwsCliResult(int ExitCode, JsonDocument? Json, string Stdout, string Stderr)
{
    public JsonElement Root => Json?.RootElement ?? throw new InvalidOperationException($"No JSON output. stderr: {Stderr}");

    /// <summary>The AWS error code from "An error occurred (Code) when calling ...", or null.</summary>
    public string? ErrorCode => ErrorPattern().Match(Stderr) is { Success: true } m ? m.Groups[1].Value : null;

    /// <summary>The error message after the colon, or null.</summary>
    public string? ErrorMessage => ErrorPattern().Match(Stderr) is { Success: true } m ? m.Groups[2].Value.Trim() : null;

    // "An error occurred (Code) when calling the Op operation (reached max retries: 0): message"
    [GeneratedRegex(@"An error occurred \(([^)]+)\) when calling the \S+ operation(?: \([^)]*\))?:(.*)")]
    private static partial Regex ErrorPattern();
}
