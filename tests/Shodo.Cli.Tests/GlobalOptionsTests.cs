using Shodo.Diagnostics;

namespace Shodo.Cli.Tests;

/// <summary>
/// Bad values of the global options are usage errors (exit 2) with one sentence naming the option and
/// what it takes — never "failed unexpectedly", never a stack trace, never a silent fallback. Nothing is
/// called: the endpoint below does not exist.
/// </summary>
public sealed class GlobalOptionsTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("shodo-options-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private static readonly string[] Nowhere = ["--endpoint-url", "http://127.0.0.1:9", "--lang", "en"];

    private static void AssertUsage(CliRun run, string expected)
    {
        Assert.True(run.ExitCode == (int)ExitCode.Usage, $"exit {run.ExitCode}: {run.Out}\n{run.Error}");
        Assert.Contains(expected, run.Error);
        Assert.DoesNotContain("unexpectedly", run.Error);
        Assert.DoesNotContain("   at ", run.Error);
    }

    [Theory]
    [InlineData(";rm -rf /")]
    [InlineData("us-east-1; curl evil.example")]
    [InlineData("US-EAST-1")]
    [InlineData("useast1")]
    public async Task A_region_that_is_not_an_AWS_region_name_is_a_usage_error(string region)
    {
        var run = await CliRun.Invoke(["whoami", "--region", region, .. Nowhere]);
        AssertUsage(run, $"--region '{region}' is not an AWS region name");
    }

    [Fact]
    public async Task A_five_thousand_character_region_is_refused_in_one_short_line()
    {
        var run = await CliRun.Invoke(["respond", "--access-key-id", "AKIAIOSFODNN7EXAMPLE", "--region", new string('a', 5000), .. Nowhere]);
        AssertUsage(run, "is not an AWS region name");
        Assert.Contains("(5000 characters)", run.Error);
        Assert.True(run.Error.Length < 400, run.Error);
    }

    [Fact]
    public async Task A_bad_region_from_the_environment_names_the_variable()
    {
        var run = await CliRun.Invoke(new Dictionary<string, string?> { ["AWS_REGION"] = "$(reboot)", ["AWS_ACCESS_KEY_ID"] = "AKIAIOSFODNN7EXAMPLE",
            ["AWS_SECRET_ACCESS_KEY"] = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY" }, ["whoami", .. Nowhere]);
        AssertUsage(run, "The region '$(reboot)' from AWS_REGION is not an AWS region name");
    }

    [Theory]
    [InlineData("us-east-1")]
    [InlineData("ap-northeast-1")]
    [InlineData("us-gov-west-1")]
    [InlineData("eu-central-2")]
    public void Real_region_names_are_accepted(string region) => Assert.True(Shodo.Aws.AwsRegionName.IsValid(region));

    [Theory]
    [InlineData("xx")]
    [InlineData("english")]
    [InlineData("ja-JP")]
    public async Task A_language_other_than_en_or_ja_is_a_usage_error_naming_both(string lang)
    {
        var run = await CliRun.Invoke("version", "--lang", lang);
        Assert.Equal((int)ExitCode.Usage, run.ExitCode);
        Assert.Contains($"'{lang}'", run.Error);
        Assert.Contains("en", run.Error);
        Assert.Contains("ja", run.Error);
        Assert.Empty(run.Out);
    }

    [Fact]
    public async Task Language_names_are_case_insensitive_and_japanese_usage_errors_stay_japanese()
    {
        Assert.Equal(0, (await CliRun.Invoke("version", "--lang", "JA")).ExitCode);
        var run = await CliRun.Invoke("whoami", "--lang", "ja", "--region", ";rm -rf /");
        Assert.Equal((int)ExitCode.Usage, run.ExitCode);
        Assert.Contains("リージョン名ではありません", run.Error);
    }

    [Fact]
    public async Task A_case_dir_that_is_a_file_is_a_usage_error_for_every_command_that_opens_cases()
    {
        var file = Path.Combine(_dir, "notes.txt");
        await File.WriteAllTextAsync(file, "not a folder");

        AssertUsage(await CliRun.Invoke("case", "open", "--case-dir", file, "--lang", "en"), $"--case-dir {file} is a file, not a folder");
        AssertUsage(await CliRun.Invoke("case", "open", "--case-dir", Path.Combine(file, "cases"), "--lang", "en"), $"--case-dir {file} is a file");
        AssertUsage(await CliRun.Invoke(["respond", "--access-key-id", "AKIAIOSFODNN7EXAMPLE", "--case-dir", file, .. Nowhere]), "is a file, not a folder");
        Assert.Equal("not a folder", await File.ReadAllTextAsync(file));
    }
}
