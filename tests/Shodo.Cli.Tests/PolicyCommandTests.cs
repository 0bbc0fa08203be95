using System.Text.Json;

namespace Shodo.Cli.Tests;

public class PolicyCommandTests
{
    [Fact]
    public async Task Policy_prints_a_least_privilege_iam_policy_without_destructive_actions()
    {
        var run = await CliRun.Invoke("policy");

        Assert.Equal(0, run.ExitCode);
        using var doc = JsonDocument.Parse(run.Out);
        Assert.Equal("2012-10-17", doc.RootElement.GetProperty("Version").GetString());
        var actions = doc.RootElement.GetProperty("Statement").EnumerateArray()
            .SelectMany(s => s.GetProperty("Action").EnumerateArray()).Select(a => a.GetString()!).ToList();
        Assert.Contains("iam:UpdateAccessKey", actions);
        Assert.Contains("cloudtrail:LookupEvents", actions);
        Assert.DoesNotContain(actions, a => a.Contains(":Delete") || a.Contains(":Terminate") || a.Contains(":Detach") || a.Contains(":Remove"));
        Assert.DoesNotContain("*", actions);
    }

    [Fact]
    public async Task Policy_help_has_an_example()
    {
        var run = await CliRun.Invoke("policy", "--help");
        Assert.Equal(0, run.ExitCode);
        Assert.Contains("shodo policy >", run.Out);
    }
}
