using System.Text.Json.Nodes;
using Shodo.Cases;
using Shodo.Containment;
using Shodo.Investigation.Model;
using Shodo.Range;
using Shodo.Range.State.Ec2;

namespace Shodo.Cli.Tests;

/// <summary><c>shodo plan / approve / apply / rollback</c> run in process against the range.</summary>
public sealed class ContainmentCommandTests : IAsyncLifetime
{
    private RangeHost _range = null!;
    private readonly string _root = Path.Combine(Path.GetTempPath(), "shodo-cli-contain", Guid.NewGuid().ToString("N"));
    private string _folder = "";

    public async Task InitializeAsync()
    {
        _range = await RangeHost.StartAsync(new RangeOptions { Port = 0 });
        var (identities, resources) = SeededIncident.Apply(_range);
        using var @case = Case.Open(_root, new CaseOptions { AccountId = _range.State.AccountId });
        _folder = @case.Directory;
        await InvestigationFiles.WriteAsync(@case, InvestigationFiles.Identities, "shodo-identities/1", "identities", identities);
        await InvestigationFiles.WriteAsync(@case, InvestigationFiles.AttackerResources, "shodo-attacker-resources/1", "resources", resources);
    }

    public async Task DisposeAsync()
    {
        await _range.DisposeAsync();
        if (Directory.Exists(_root)) Directory.Delete(_root, recursive: true);
    }

    private Task<CliRun> Shodo(params string[] args) => CliRun.Invoke(new Dictionary<string, string?>
    {
        ["AWS_ACCESS_KEY_ID"] = _range.Responder.AccessKeyId, ["AWS_SECRET_ACCESS_KEY"] = _range.Responder.SecretAccessKey,
    }, [.. args, "--endpoint-url", _range.Url.ToString(), "--region", "us-east-1"]);

    [Fact]
    public async Task Plan_approve_apply_and_rollback_from_the_command_line()
    {
        var plan = await Shodo("plan", _folder);
        Assert.True(plan.ExitCode == 0, plan.Error);
        Assert.Contains("== global (IAM)", plan.Out);
        Assert.Contains("-- user:backup-svc", plan.Out);
        Assert.Contains("== ap-northeast-1", plan.Out);
        Assert.Contains("isolate-instance", plan.Out);
        Assert.DoesNotContain("ops-legit", plan.Out);
        var sha = plan.Out.Split('\n').First(l => l.StartsWith("sha256 ", StringComparison.Ordinal))[7..].Trim();

        var unconfirmed = await Shodo("apply", _folder);
        Assert.Equal(2, unconfirmed.ExitCode);
        Assert.Contains("--yes", unconfirmed.Error);

        var partial = await Shodo("apply", _folder, "--yes", "--settle-seconds", "20");
        Assert.Equal(3, partial.ExitCode);
        Assert.Contains("pending-approval", partial.Out);
        Assert.Contains($"shodo approve CASE --plan {sha}", partial.Out);

        var wrong = await Shodo("approve", _folder, "--plan", new string('a', 64), "--by", "ciso");
        Assert.Equal(2, wrong.ExitCode);
        var approve = await Shodo("approve", _folder, "--plan", sha, "--by", "ciso", "--output", "json");
        Assert.True(approve.ExitCode == 0, approve.Error);

        var apply = await Shodo("apply", _folder, "--yes", "--settle-seconds", "20", "--output", "json");
        Assert.True(apply.ExitCode == 0, apply.Out + apply.Error);
        var json = JsonNode.Parse(apply.Out)!;
        Assert.True(json["contained"]!.GetValue<bool>());
        Assert.Contains(json["actions"]!.AsArray(), a => (string?)a!["outcome"] == Outcomes.NeedsDecision);

        lock (_range.State.Sync) _range.State.Clock.Advance(TimeSpan.FromMinutes(2));
        var stop = json["actions"]!.AsArray().First(a => (string?)a!["action"] == "stop-instance")!;
        var rollback = await Shodo("rollback", _folder, "--by", "ciso", "--yes", "--action", (string)stop["id"]!, "--output", "json");
        Assert.True(rollback.ExitCode == 0, rollback.Error);
        var instanceId = ((string)stop["target"]!).Split(':')[^1];
        lock (_range.State.Sync)
            Assert.Contains(_range.State.Ec2Regions.SelectMany(r => r.Instances).First(i => i.InstanceId == instanceId).State,
                new[] { InstanceStates.Pending, InstanceStates.Running });

        var verify = await CliRun.Invoke("case", "verify", _folder);
        Assert.Equal(0, verify.ExitCode);
    }

    [Fact]
    public async Task Only_configured_approvers_may_approve()
    {
        var config = Path.Combine(_root, "shodo.yaml");
        Directory.CreateDirectory(_root);
        File.WriteAllText(config, "authority:\n  responder: [deactivate-access-keys, attach-deny-policy, stop-instance]\n  approvers: [ciso]\n");
        var plan = await Shodo("plan", _folder, "--config", config, "--output", "json");
        Assert.True(plan.ExitCode == 0, plan.Error);
        var sha = (string)JsonNode.Parse(plan.Out)!["planSha256"]!;
        var intern = await Shodo("approve", _folder, "--config", config, "--plan", sha, "--by", "intern");
        Assert.Equal(2, intern.ExitCode);
        Assert.Contains("ciso", intern.Error);
    }
}
