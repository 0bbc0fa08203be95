using System.Diagnostics;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Shodo.Aws.Errors;
using Shodo.Diagnostics;

namespace Shodo.Tests.Aws;

/// <summary>
/// What Shodo retries is what botocore retries (its <c>data/_retry.json</c> and the standard mode's lists in
/// <c>retries/standard.py</c>, read from Debian's python3-botocore, as the
/// conformance tests' AWS CLI uses it), and a call that still fails after every
/// retry says to run again or resume, with exit code 6 — never "correct the request".
/// </summary>
public sealed class RetryRulesTests
{
    private static readonly Lazy<string> Botocore = new(() =>
    {
        var python = Process.Start(new ProcessStartInfo("/usr/bin/python3", ["-c", "import botocore, os; print(os.path.dirname(botocore.__file__))"])
        {
            RedirectStandardOutput = true,
        })!;
        var dir = python.StandardOutput.ReadToEnd().Trim();
        python.WaitForExit();
        Assert.True(Directory.Exists(dir), "python3-botocore is needed (apt-get install python3-botocore)");
        return dir;
    });

    [Fact]
    public void Every_code_and_status_in_botocores_retry_config_is_retried_for_its_service()
    {
        var config = JsonNode.Parse(File.ReadAllText(Path.Combine(Botocore.Value, "data", "_retry.json")))!;
        var definitions = config["definitions"]!.AsObject();
        JsonObject? Response(JsonNode policy) =>
            (policy["$ref"] is { } name ? definitions[(string)name!]! : policy)["applies_when"]?["response"]?.AsObject();

        var checkedRules = 0;
        foreach (var (service, entry) in config["retry"]!.AsObject())
        foreach (var (_, policy) in (service == "__default__" ? entry : entry!["__default__"])!["policies"]!.AsObject())
        {
            if (Response(policy!) is not { } response || response["crc32body"] is not null) continue;
            var code = (string?)response["service_error_code"];
            var status = (int?)response["http_status_code"] ?? 400;
            var on = service == "__default__" ? null : service;
            Assert.True(AwsErrorCodes.IsRetryable(code ?? "", status, on), $"{service}: {code ?? "(any code)"} with HTTP {status} is not retried");
            if (code is null) Assert.Contains(status, AwsErrorCodes.TransientStatuses);
            checkedRules++;
        }
        Assert.True(checkedRules > 20, $"only {checkedRules} rules read from _retry.json");
    }

    [Fact]
    public void The_standard_modes_throttling_and_transient_codes_are_shodos()
    {
        var standard = File.ReadAllText(Path.Combine(Botocore.Value, "retries", "standard.py"));
        string[] List(string name) => Regex.Matches(Regex.Match(standard, name + @" = \[(.*?)\]", RegexOptions.Singleline).Groups[1].Value, "'([A-Za-z0-9]+)'")
            .Select(m => m.Groups[1].Value).ToArray();

        var throttled = List("_THROTTLED_ERROR_CODES");
        var transient = List("_TRANSIENT_ERROR_CODES");
        Assert.NotEmpty(throttled);
        Assert.NotEmpty(transient);
        Assert.Equal(throttled.Order(StringComparer.Ordinal), AwsErrorCodes.Throttling.Order(StringComparer.Ordinal));
        Assert.Equal(transient.Order(StringComparer.Ordinal), AwsErrorCodes.Transient.Order(StringComparer.Ordinal));
    }

    [Theory]
    [InlineData("ec2", "Unavailable", 503)]
    [InlineData("ec2", "InternalError", 500)]
    [InlineData("iam", "ServiceFailure", 500)]
    [InlineData("cloudtrail", "InternalFailure", 500)]
    [InlineData("s3", "ServiceUnavailable", 503)]
    [InlineData("sts", "IDPCommunicationError", 400)]
    [InlineData("s3", "RequestTimeout", 400)]
    public void A_transient_failure_that_outlasted_every_retry_says_run_again_or_resume_with_exit_code_6(string service, string code, int status)
    {
        var error = new AwsServiceError(service, "DescribeInstanceAttribute", code, "The server is overloaded.", "req-1", status);

        Assert.True(error.IsRetryable);
        Assert.False(error.IsThrottling);
        Assert.Equal(ExitCode.Throttled, error.Diagnostic.Code);
        Assert.Contains("run the command again", error.Diagnostic.Summary);
        Assert.Contains("--resume", error.Diagnostic.Summary);
        Assert.DoesNotContain("correct the request", error.Diagnostic.Summary);
        Assert.Contains(code, error.Diagnostic.Summary);
    }

    [Theory]
    [InlineData("NotImplemented", 501)]
    [InlineData("BadDigest", 400)]
    [InlineData("IDPCommunicationError", 400)]
    [InlineData("LimitExceeded", 409)]
    public void What_botocore_does_not_retry_is_not_retried(string code, int status)
    {
        var error = new AwsServiceError("iam", "CreateUser", code, "no", null, status);
        Assert.False(error.IsRetryable);
        Assert.Equal(ExitCode.Failure, error.Diagnostic.Code);
    }

    [Fact]
    public void Throttling_still_says_AWS_kept_throttling()
    {
        var error = new AwsServiceError("ec2", "DescribeInstances", "RequestLimitExceeded", "Request limit exceeded.", null, 503);
        Assert.True(error.IsThrottling);
        Assert.Equal(ExitCode.Throttled, error.Diagnostic.Code);
        Assert.Contains("throttling", error.Diagnostic.Summary);
        Assert.Contains("--resume", error.Diagnostic.Summary);
    }
}
