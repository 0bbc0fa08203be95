using System.Text.Json.Nodes;
using Shodo.Cli;
using Shodo.Diagnostics;
using Shodo.Drill.Rehearsal;

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

    /// <summary>Runs escalate until <paramref name="until"/> shows in its output (or 30 s), then stops it with Ctrl+C.</summary>
    private async Task<(int ExitCode, string Out)> EscalateUntil(string yaml, Func<string, bool> until)
    {
        var dir = await OpenCase();
        var config = Path.Combine(_root, "deliveries.yaml");
        File.WriteAllText(config, yaml);
        using var cancel = new CancellationTokenSource();
        var stdout = new StringWriter();
        var run = Task.Run(() => ShodoApp.RunAsync(["escalate", dir, "--config", config, "--lang", "en"],
            new CliEnvironment(TextWriter.Synchronized(stdout), new StringWriter(), new Dictionary<string, string?>(), TimeProvider.System, false), cancel.Token));
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (!until(stdout.ToString()) && DateTime.UtcNow < deadline && !run.IsCompleted) await Task.Delay(50);
        cancel.Cancel();
        var code = await run.WaitAsync(TimeSpan.FromSeconds(30));
        return (code, stdout.ToString());
    }

    private static string Chain(params (string Name, string Url)[] targets) =>
        "escalation:\n  levels:\n    - name: on-call\n      repeat: 1h\n      targets:\n" +
        string.Concat(targets.Select(t => $"        - {{name: {t.Name}, channels: [{{kind: webhook, url: \"{t.Url}\"}}]}}\n"));

    [Fact]
    public async Task Escalate_says_at_once_that_nobody_was_reached_when_every_delivery_fails()
    {
        var refused = $"http://127.0.0.1:{RehearsalReceiver.FreePort()}/hook";

        var (code, output) = await EscalateUntil(Chain(("Alice", refused)), o => o.Contains("NOBODY", StringComparison.Ordinal));

        Assert.Equal((int)ExitCode.Incomplete, code);
        Assert.DoesNotContain("notified now", output);
        Assert.Contains("could NOT reach Alice via webhook (127.0.0.1): connection refused; retrying in 5s", output);
        Assert.Contains("level 1 (on-call): NOBODY has been reached (Alice)", output);
        Assert.DoesNotContain("delivered to", output);
    }

    [Fact]
    public async Task Escalate_says_who_was_told_and_who_was_not()
    {
        await using var receiver = RehearsalReceiver.Start();
        var refused = $"http://127.0.0.1:{RehearsalReceiver.FreePort()}/hook";

        var (code, output) = await EscalateUntil(Chain(("Alice", receiver.BaseUrl + "hook"), ("Bob", refused)),
            o => o.Contains("delivered to Alice", StringComparison.Ordinal) && o.Contains("could NOT reach Bob", StringComparison.Ordinal));

        Assert.Equal((int)ExitCode.Incomplete, code);
        Assert.Contains("level 1 (on-call): delivered to Alice via webhook (127.0.0.1)", output);
        Assert.Contains("level 1 (on-call): could NOT reach Bob via webhook (127.0.0.1): connection refused", output);
        Assert.DoesNotContain("NOBODY", output);
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
