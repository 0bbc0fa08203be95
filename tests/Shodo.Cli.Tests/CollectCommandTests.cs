using System.Text.Json;
using Shodo.Range;
using Shodo.Range.State.Ec2;
using Shodo.Range.State.Iam;

namespace Shodo.Cli.Tests;

/// <summary><c>shodo collect</c> run in process against the range.</summary>
public sealed class CollectCommandTests : IAsyncLifetime
{
    private RangeHost _range = null!;
    private readonly string _root = Path.Combine(Path.GetTempPath(), "shodo-cli-tests", Guid.NewGuid().ToString("N"));

    public async Task InitializeAsync()
    {
        _range = await RangeHost.StartAsync(new RangeOptions { Port = 0 });
        lock (_range.State.Sync)
        {
            _range.State.AddUser("alice");
            _range.State.AddAccessKey("alice");
            _range.State.Ec2("eu-west-1").Launch(new LaunchSpec { ImageId = "ami-0abcdef1234567890", InstanceType = "g4dn.12xlarge" }, 1,
                _range.State.Clock.Now);
        }
        _range.State.CreateBucket("acme-pii", "us-east-1");
    }

    public async Task DisposeAsync()
    {
        await _range.DisposeAsync();
        if (Directory.Exists(_root)) Directory.Delete(_root, recursive: true);
    }

    private Dictionary<string, string?> Keys(string id, string secret) => new()
    {
        ["AWS_ACCESS_KEY_ID"] = id, ["AWS_SECRET_ACCESS_KEY"] = secret,
    };

    private async Task<string> OpenCase(params string[] extra)
    {
        var run = await CliRun.Invoke(["case", "open", "--case-dir", _root, "--output", "json", .. extra]);
        Assert.Equal(0, run.ExitCode);
        return JsonDocument.Parse(run.Out).RootElement.GetProperty("id").GetString()!;
    }

    [Fact]
    public async Task Collect_prints_only_json_on_stdout_lists_denied_calls_and_exits_3_and_the_case_verifies()
    {
        AccessKey key;
        lock (_range.State.Sync)
        {
            var limited = _range.State.AddUser("limited");
            limited.AttachedPolicyArns.Add(AwsManagedPolicies.ReadOnlyAccessArn);
            limited.InlinePolicies["no-rds"] = """{"Version":"2012-10-17","Statement":[{"Effect":"Deny","Action":"rds:Describe*","Resource":"*"}]}""";
            key = _range.State.AddAccessKey("limited");
        }
        var id = await OpenCase();

        var run = await CliRun.Invoke(Keys(key.AccessKeyId, key.SecretAccessKey),
            "collect", id, "--case-dir", _root, "--endpoint-url", _range.Url.ToString(), "--region", "us-east-1", "--output", "json");

        Assert.Equal(3, run.ExitCode);
        var json = JsonDocument.Parse(run.Out).RootElement; // stdout is exactly one JSON document
        Assert.False(json.GetProperty("complete").GetBoolean());
        Assert.True(json.GetProperty("evidenceStored").GetInt32() > 50);
        Assert.Equal(_range.State.Regions.Enabled.Count, json.GetProperty("regions").GetArrayLength());
        var gaps = json.GetProperty("gaps").EnumerateArray().ToList();
        Assert.Contains(gaps, g => g.GetProperty("operation").GetString() == "DescribeDBInstances"
                                   && g.GetProperty("region").GetString() == "eu-west-1"
                                   && g.GetProperty("kind").GetString() == "AccessDenied");
        Assert.True(File.Exists(Path.Combine(_root, id, "coverage.json")));
        Assert.Contains("eu-west-1:", run.Error); // progress goes to stderr, one line per region

        var verify = await CliRun.Invoke("case", "verify", id, "--case-dir", _root);
        Assert.Equal(0, verify.ExitCode);
    }

    [Fact]
    public async Task Collect_in_text_shows_each_region_and_a_complete_summary_in_japanese_too()
    {
        var id = await OpenCase();
        var run = await CliRun.Invoke(Keys(_range.Responder.AccessKeyId, _range.Responder.SecretAccessKey),
            "collect", Path.Combine(_root, id), "--endpoint-url", _range.Url.ToString(), "--lang", "ja");

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("ap-northeast-1: 応答", run.Out);
        Assert.Contains("global: 応答", run.Out);
        Assert.Contains("取得範囲は完全です", run.Out);
        Assert.Equal("", run.Error);
    }

    [Fact]
    public async Task Collect_refuses_credentials_for_another_account_than_the_case()
    {
        var id = await OpenCase("--account", "999988887777");
        var run = await CliRun.Invoke(Keys(_range.Responder.AccessKeyId, _range.Responder.SecretAccessKey),
            "collect", id, "--case-dir", _root, "--endpoint-url", _range.Url.ToString());

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("999988887777", run.Error);
        Assert.False(File.Exists(Path.Combine(_root, id, "coverage.json")));
    }
}

/// <summary>The progress bars (a terminal) take the same path to the same summary.</summary>
public sealed class CollectProgressBarTests
{
    [Fact]
    public async Task Collect_with_progress_bars_in_a_terminal_ends_with_the_summary()
    {
        await using var range = await RangeHost.StartAsync(new RangeOptions { Port = 0 });
        var root = Path.Combine(Path.GetTempPath(), "shodo-cli-tests", Guid.NewGuid().ToString("N"));
        try
        {
            var open = await CliRun.Invoke("case", "open", "--case-dir", root, "--output", "json");
            var id = JsonDocument.Parse(open.Out).RootElement.GetProperty("id").GetString()!;
            var stdout = new StringWriter();
            var stderr = new StringWriter();
            var env = new CliEnvironment(stdout, stderr, new Dictionary<string, string?>
            {
                ["AWS_ACCESS_KEY_ID"] = range.Responder.AccessKeyId, ["AWS_SECRET_ACCESS_KEY"] = range.Responder.SecretAccessKey,
            }, TimeProvider.System, IsInteractive: true);

            var code = await ShodoApp.RunAsync(["collect", id, "--case-dir", root, "--endpoint-url", range.Url.ToString(), "--no-color"], env);

            Assert.Equal(0, code);
            Assert.True(stdout.ToString().Contains("Coverage is complete"), stdout.ToString());
            Assert.Contains("answers from 17 regions", stdout.ToString());
            // Which frames of the live display reach the writer depends on timing; the summary does not.
            Assert.Equal("", stderr.ToString());
        }
        finally
        {
            if (Directory.Exists(root)) Directory.Delete(root, recursive: true);
        }
    }
}
