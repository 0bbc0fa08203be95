using Shodo.Diagnostics;
using Shodo.Drill.Rehearsal;

namespace Shodo.Cli.Tests;

/// <summary>
/// The configuration file as the commands see it: read and checked whole (every section, whoever
/// uses it) when the command starts, before a case is opened or AWS is called — so the endpoint here
/// refuses connections, and a command that got as far as AWS would exit 7. Unknown keys are warnings
/// naming file:line and the nearest known key; <c>--strict</c> refuses them.
/// </summary>
public sealed class ConfigurationCommandTests : IDisposable
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), "shodo-cli-config-" + Guid.NewGuid().ToString("n")[..12]);
    private readonly string _refused = $"http://127.0.0.1:{RehearsalReceiver.FreePort()}";

    public ConfigurationCommandTests() => Directory.CreateDirectory(_root);

    public void Dispose()
    {
        if (Directory.Exists(_root)) Directory.Delete(_root, recursive: true);
    }

    private string Config(string yaml)
    {
        var path = Path.Combine(_root, "shodo.yaml");
        File.WriteAllText(path, yaml);
        return path;
    }

    private Task<CliRun> Respond(string config, params string[] more) => CliRun.Invoke(new Dictionary<string, string?>
    {
        ["AWS_ACCESS_KEY_ID"] = "AKIAIOSFODNN7EXAMPLE", ["AWS_SECRET_ACCESS_KEY"] = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY",
        ["HOOK_URL"] = "http://127.0.0.1:9/hook",
    }, ["respond", "--watch", "0", "--access-key-id", "AKIAIOSFODNN7EXAMPLE", "--config", config, "--case-dir", Path.Combine(_root, "cases"),
        "--endpoint-url", _refused, "--region", "us-east-1", "--lang", "en", "--yes", .. more]);

    private const string Escalation = """
        escalation:
          levels:
            - name: on-call
              repeat: 5m
              targets:
                - name: Alice
                  channels:
                    - kind: webhook
                      url_env: HOOK_URL
        """;

    [Fact]
    public async Task A_bad_authority_policy_stops_respond_at_once_not_when_containment_starts()
    {
        var config = Config(Escalation + "\nauthority:\n  responder: [stop-instance, delete-everything]\n");

        var run = await Respond(config);

        Assert.Equal((int)ExitCode.Usage, run.ExitCode);
        Assert.Contains($"{config}:11:", run.Error);
        Assert.Contains("delete-everything", run.Error);
        Assert.False(Directory.Exists(Path.Combine(_root, "cases")), "no case is opened for a configuration that cannot be used");
    }

    [Theory]
    [InlineData("report:\n  timeZone: Mars/Olympus\n", 2)]
    [InlineData("sigma:\n  placeholders:\n    admins: {a: b}\n", 3)]
    public async Task Every_section_is_checked_when_respond_starts(string section, int line)
    {
        var config = Config(section + Escalation);

        var run = await Respond(config);

        Assert.Equal((int)ExitCode.Usage, run.ExitCode);
        Assert.Contains($"{config}:{line}:", run.Error);
    }

    [Fact]
    public async Task A_broken_escalation_section_stops_plan_too_though_plan_does_not_escalate()
    {
        var config = Config("escalation:\n  levels:\n    - name: on-call\n      repeat: sometimes\n      targets: []\n");

        var run = await CliRun.Invoke("plan", Path.Combine(_root, "no-such-case"), "--config", config, "--lang", "en");

        Assert.Equal((int)ExitCode.Usage, run.ExitCode);
        Assert.Contains($"{config}:4:", run.Error);
    }

    [Fact]
    public async Task A_misspelt_section_is_a_warning_with_file_line_and_the_nearest_name_and_strict_refuses_it()
    {
        var config = Config("escalaton:\n  levels: []\n");

        var run = await Respond(config);

        Assert.Equal((int)ExitCode.Unreachable, run.ExitCode);
        Assert.Contains($"{config}:1: unknown section 'escalaton'", run.Error);
        Assert.Contains("did you mean 'escalation'?", run.Error);

        var strict = await Respond(config, "--strict");

        Assert.Equal((int)ExitCode.Usage, strict.ExitCode);
        Assert.Contains($"{config}:1: unknown section 'escalaton'", strict.Error);
        Assert.False(Directory.Exists(Path.Combine(_root, "cases")));
    }

    [Fact]
    public async Task A_misspelt_key_inside_the_escalation_chain_is_named_with_its_line_and_the_nearest_key()
    {
        var config = Config(Escalation.Replace("repeat: 5m", "repeat: 5m\n      reapeat: 1m", StringComparison.Ordinal));

        var strict = await Respond(config, "--strict");

        Assert.Equal((int)ExitCode.Usage, strict.ExitCode);
        Assert.Contains($"{config}:5: unknown key 'reapeat' in escalation.levels[]", strict.Error);
        Assert.Contains("did you mean 'repeat'?", strict.Error);
    }

    [Fact]
    public async Task A_file_over_the_cap_is_refused_at_once()
    {
        var config = Path.Combine(_root, "huge.yaml");
        using (var file = File.Create(config)) file.SetLength(68L * 1024 * 1024);

        var clock = System.Diagnostics.Stopwatch.StartNew();
        var run = await Respond(config);

        Assert.Equal((int)ExitCode.Usage, run.ExitCode);
        Assert.Contains("1 MiB", run.Error);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(5), $"took {clock.Elapsed}");
    }
}
