using Shodo.Diagnostics;

namespace Shodo.Cli.Tests;

/// <summary>
/// <c>--since</c> / <c>--until</c>: an age so large no date can hold it is a usage error (exit 2) with one
/// sentence, not an internal error. The endpoint does not exist: nothing is called.
/// </summary>
public sealed class TimeArgumentTests
{
    [Theory]
    [InlineData("respond", "99999999999d")]
    [InlineData("respond", "1e308h")]
    [InlineData("respond", "Infinitym")]
    public async Task An_age_beyond_any_date_is_a_usage_error(string command, string since)
    {
        var run = await CliRun.Invoke(command, "--access-key-id", "AKIAIOSFODNN7EXAMPLE", "--since", since,
            "--endpoint-url", "http://127.0.0.1:9", "--lang", "en");

        Assert.True(run.ExitCode == (int)ExitCode.Usage, $"exit {run.ExitCode}: {run.Error}");
        Assert.Contains($"{since} reaches back further than any date", run.Error);
        Assert.DoesNotContain("unexpectedly", run.Error);
    }
}
