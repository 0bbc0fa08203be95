using System.Text.Json.Nodes;
using Shodo.Cli;
using Shodo.Diagnostics;
using Shodo.Escalation.Rehearsal;

namespace Shodo.Cli.Tests;

/// <summary><c>shodo escalate</c> and <c>shodo ack</c> in process, against the rehearsal receiver on loopback.</summary>
public sealed class EscalationCommandTests : IDisposable
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), "shodo-cli-" + Guid.NewGuid().ToString("n")[..12]);

    public void Dispose()
    {
        if (Directory.Exists(_root)) Directory.Delete(_root, recursive: true);
    }

    private async Task<string> OpenCase()
    {
        var run = await CliRun.Invoke(["case", "open", "--case-dir", _root, "--account", "123456789012", "--output", "json"]);
        Assert.Equal(0, run.ExitCode);
        return (string)JsonNode.Parse(run.Out)!["path"]!;
    }

    private string Config(RehearsalReceiver receiver)
    {
        Directory.CreateDirectory(_root);
        var path = Path.Combine(_root, "shodo.yaml");
        File.WriteAllText(path, """
            escalation:
              levels:
                - name: on-call
                  repeat: 1h
                  targets:
                    - name: Alice
                      language: ja
                      channels:
                        - kind: webhook
                          url_env: HOOK_URL
            """);
        return path;
    }

    private List<JsonObject> Journal(string dir, string kind) =>
        File.ReadAllLines(Path.Combine(dir, "journal.jsonl")).Select(l => JsonNode.Parse(l)!.AsObject())
            .Where(e => (string)e["kind"]! == kind).ToList();

    [Fact]
    public async Task Ack_on_a_case_nobody_holds_is_journaled_directly_and_only_once()
    {
        var dir = await OpenCase();
        var first = await CliRun.Invoke("ack", dir, "--by", "Hanako Sato", "--lang", "en");
        Assert.Equal(0, first.ExitCode);
        Assert.Contains("Hanako Sato", first.Out);
        var second = await CliRun.Invoke("ack", dir, "--by", "Bob", "--lang", "en", "--output", "json");
        Assert.Equal(0, second.ExitCode);
        Assert.Equal("already", (string)JsonNode.Parse(second.Out)!["state"]!);

        var ack = Assert.Single(Journal(dir, "escalation.acknowledged"));
        Assert.Equal("Hanako Sato", (string)ack["data"]!["by"]!);
        Assert.Equal("cli", (string)ack["data"]!["via"]!);
    }

    [Fact]
    public async Task Ack_without_a_name_is_a_usage_error()
    {
        var dir = await OpenCase();
        var run = await CliRun.Invoke("ack", dir, "--by", "  ", "--lang", "en");
        Assert.Equal((int)ExitCode.Usage, run.ExitCode);
        Assert.Contains("--by", run.Error);
    }

    [Fact]
    public async Task Escalate_keeps_going_until_ack_from_another_invocation_gets_through_the_busy_case()
    {
        await using var receiver = RehearsalReceiver.Start();
        var dir = await OpenCase();
        var env = new Dictionary<string, string?> { ["HOOK_URL"] = receiver.BaseUrl + "hook/secret-token-in-path" };
        var escalate = Task.Run(() => CliRun.Invoke(env, "escalate", dir, "--config", Config(receiver), "--lang", "en"));
        var alert = await receiver.WaitForAsync(1, timeout: TimeSpan.FromSeconds(15));
        Assert.Equal("alert", (string)alert[0].Json!["event"]!);
        Assert.Equal("ja", (string)alert[0].Json!["language"]!);

        var ack = await CliRun.Invoke("ack", dir, "--by", "Hanako Sato", "--lang", "en", "--output", "json");
        Assert.Equal(0, ack.ExitCode);
        Assert.Equal("handed-over", (string)JsonNode.Parse(ack.Out)!["state"]!);

        var done = await escalate.WaitAsync(TimeSpan.FromSeconds(30));
        Assert.Equal(0, done.ExitCode);
        Assert.Contains("Hanako Sato", done.Out);
        var journaled = Assert.Single(Journal(dir, "escalation.acknowledged"));
        Assert.Equal("inbox", (string)journaled["data"]!["via"]!);
        Assert.Contains(receiver.Received, r => (string)r.Json!["event"]! == "acknowledged");
        Assert.DoesNotContain("secret-token-in-path", File.ReadAllText(Path.Combine(dir, "journal.jsonl")));
        Assert.DoesNotContain("secret-token-in-path", done.Out + done.Error);
        Assert.Equal(0, (await CliRun.Invoke("case", "verify", dir)).ExitCode);
    }

    [Fact]
    public async Task Escalate_stopped_with_ctrl_c_records_the_stop_and_exits_incomplete()
    {
        await using var receiver = RehearsalReceiver.Start();
        var dir = await OpenCase();
        var env = new Dictionary<string, string?> { ["HOOK_URL"] = receiver.BaseUrl + "hook" };
        using var cancel = new CancellationTokenSource();
        var stdout = new StringWriter();
        var run = Task.Run(() => ShodoApp.RunAsync(["escalate", dir, "--config", Config(receiver), "--lang", "en"],
            new CliEnvironment(stdout, new StringWriter(), env, TimeProvider.System, false), cancel.Token));
        await receiver.WaitForAsync(1, timeout: TimeSpan.FromSeconds(15));
        cancel.Cancel();

        Assert.Equal((int)ExitCode.Incomplete, await run.WaitAsync(TimeSpan.FromSeconds(30)));
        Assert.Contains("shodo escalate", stdout.ToString());
        Assert.Equal("cancelled", (string)Assert.Single(Journal(dir, "escalation.stopped"))["data"]!["reason"]!);
    }

    [Fact]
    public async Task Escalate_without_an_escalation_section_says_what_to_add()
    {
        var dir = await OpenCase();
        var config = Path.Combine(_root, "empty.yaml");
        File.WriteAllText(config, "authority: {}\n");
        var run = await CliRun.Invoke("escalate", dir, "--config", config, "--lang", "en");
        Assert.Equal((int)ExitCode.Usage, run.ExitCode);
        Assert.Contains("escalation:", run.Error);
    }
}
