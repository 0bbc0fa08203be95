using Shodo.Diagnostics;

namespace Shodo.Cli.Tests;

public class ShodoAppTests
{
    [Fact]
    public async Task Version_option_prints_the_version_and_succeeds()
    {
        var run = await CliRun.Invoke("--version");
        Assert.Equal(0, run.ExitCode);
        Assert.Equal(ShodoApp.Version, run.Out.Trim());
    }

    [Fact]
    public async Task Version_command_speaks_json()
    {
        var run = await CliRun.Invoke("version", "--output", "json");
        Assert.Equal(0, run.ExitCode);
        Assert.Contains($"\"version\":\"{ShodoApp.Version}\"", run.Out);
    }

    [Fact]
    public async Task Unknown_option_is_a_usage_error_with_one_clear_sentence_and_no_stack_trace()
    {
        var run = await CliRun.Invoke("version", "--bogus");
        Assert.Equal((int)ExitCode.Usage, run.ExitCode);
        Assert.Contains("--help", run.Error);
        Assert.DoesNotContain("   at ", run.Error);
    }

    [Fact]
    public async Task Usage_errors_are_in_japanese_with_lang_ja()
    {
        var run = await CliRun.Invoke("version", "--bogus", "--lang", "ja");
        Assert.Equal((int)ExitCode.Usage, run.ExitCode);
        Assert.Contains("使い方", run.Error);
    }

    [Fact]
    public async Task Help_lists_the_global_options()
    {
        var run = await CliRun.Invoke("--help");
        Assert.Equal(0, run.ExitCode);
        foreach (var option in new[] { "--profile", "--region", "--endpoint-url", "--output", "--lang", "--no-color", "--case-dir" })
            Assert.Contains(option, run.Out);
    }
}
